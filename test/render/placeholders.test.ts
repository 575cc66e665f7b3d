// The placeholders of an answer's commands are explained once, under the fixes, and only when there are any.
import { describe, expect, it } from 'vitest';
import type { Fix, FixSpec } from '../../src/engine/diagnosis.js';
import { i18n } from '../../src/i18n/i18n.js';
import { withRender } from '../../src/render/fix.js';
import { placeholderNote } from '../../src/render/placeholders.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import { FIXES, UUID } from './fix-specs.js';

const rule = (securityGroup: string, remote: string): FixSpec => ({
  kind: 'security-group-rule',
  securityGroup,
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  ports: '3306',
  remote,
  action: 'allow',
  priority: 1,
});
const PURPOSE = 'CCE prod pods -> db1 tcp/3306';

describe('placeholderNote', () => {
  it('names each placeholder once, with the region and project, for the forms shown', () => {
    const fixes: Fix[] = [
      withRender(rule('sg-db', '172.16.0.0/16'), PURPOSE),
      withRender(rule('sg-db', '10.0.0.0/8'), PURPOSE),
    ];
    const note = placeholderNote(fixes, ['hcloud', 'api']);
    expect(note).toBeDefined();
    expect(note!.match(/<sg-db id>/g)).toHaveLength(1);
    expect(note).toContain('<region>');
    expect(note).toContain('{project_id}');
    // KooCLI alone carries no project id in its path.
    expect(placeholderNote(fixes, ['hcloud'])).not.toContain('{project_id}');
  });

  it("points at the list that holds each placeholder's object: security groups for a rule, DCS instances for a whitelist", () => {
    const whitelist = FIXES.find((fix) => fix.kind === 'whitelist-entry')!;
    const redis = placeholderNote([withRender(whitelist, PURPOSE)], ['hcloud']);
    expect(redis).toContain('<redis-main instance id>');
    expect(redis).toContain('e.g. hcloud DCS ListInstances)');
    expect(redis).not.toContain('ListSecurityGroups');
    const both = placeholderNote(
      [withRender(rule('sg-db', '172.16.0.0/16'), PURPOSE), withRender(whitelist, PURPOSE)],
      ['hcloud'],
    );
    expect(both).toContain('e.g. hcloud VPC ListSecurityGroups/v3, hcloud DCS ListInstances)');
    // A fix whose ids are all known names no list.
    const known = placeholderNote([withRender(rule(UUID, '172.16.0.0/16'), PURPOSE)], ['hcloud']);
    expect(known).not.toContain('List');
  });

  it('says nothing when every id is known and the topology records region and project', () => {
    const place = { region: 'cn-north-4', project: '0123456789abcdef0123456789abcdef' };
    const fixes = [withRender(rule(UUID, '172.16.0.0/16'), PURPOSE, place)];
    expect(placeholderNote(fixes, ['hcloud', 'api'])).toBeUndefined();
  });

  it('is written in Chinese for a Chinese answer', () => {
    const zh = i18n('zh');
    const note = placeholderNote([withRender(rule('sg-db', '172.16.0.0/16'), PURPOSE, {}, zh)], ['hcloud'], zh);
    expect(note).toMatch(/^粘贴前请把 <sg-db id> 替换为对应资源的 ID/);
    expect(untranslatedWords(note!, ['hcloud', 'ListSecurityGroups/v3', 'huaweicloud', 'import'])).toEqual([]);
  });

  it('appears once under the fixes in the terminal, not in each command', () => {
    const fixes = [
      withRender(rule('sg-db', '172.16.0.0/16'), PURPOSE),
      withRender(rule('sg-db', '10.0.0.0/8'), PURPOSE),
    ];
    const diagnosis = {
      verdict: 'unreachable' as const,
      question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp' as const, port: 3306 },
      source: { seenAs: ['172.16.0.0/16'], why: 'vpc-router keeps the pod IP' },
      destination: { kind: 'resource' as const, address: '192.168.10.52', resource: 'db1' },
      steps: [],
      fixes,
      assumptions: [],
    };
    const text = renderTerminal(diagnosis as never, { format: 'hcloud' });
    expect(text.match(/Before pasting, replace/g)).toHaveLength(1);
    expect(text.indexOf('Before pasting')).toBeGreaterThan(text.lastIndexOf('--security_group_rule.description'));
  });
});
