// Fixes in Chinese: the words read like Huawei's console with no English left, the code (KooCLI, Terraform, API
// bodies, kubectl) is the same as in English but for its comments and descriptions, and it still formats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixRender, FixSpec } from '../../src/engine/diagnosis.js';
import { i18n } from '../../src/i18n/i18n.js';
import { renderFix } from '../../src/render/fix.js';
import { huaweiDescription } from '../../src/render/fixes/references.js';
import { untranslatedWords } from '../i18n/untranslated.js';
import { FIXES } from './fix-specs.js';

const ZH = i18n('zh');
const PURPOSE = 'CCE prod pods -> db1 tcp/3306';

const MORE: FixSpec[] = [
  {
    kind: 'security-group-rule',
    securityGroup: 'sg-ecs',
    direction: 'ingress',
    ethertype: 'IPv4',
    protocol: 'icmp',
    ports: '8',
    remote: '172.16.0.0/16',
    action: 'allow',
    priority: 1,
  },
  { kind: 'replan', reason: '容器网段与 vpc-data 重叠', alternative: true },
  {
    kind: 'er-route',
    enterpriseRouter: 'er-core',
    routeTable: 'ert-shared',
    destination: '172.16.0.0/16',
    attachment: 'att-prod',
    replaces: 'att-old',
    note: '该路由表由传播学习此网段',
  },
  {
    kind: 'network-policy',
    cluster: 'prod',
    namespace: 'payments',
    name: 'allow-egress-db1',
    podSelector: { app: 'api' },
    ports: [{ protocol: 'TCP', port: 3306 }],
    to: { ipBlock: '192.168.10.52/32' },
    owner: { policy: 'payments/default-deny', egressRules: 1 },
  },
  {
    kind: 'network-acl-rule',
    networkAcl: 'acl-data',
    direction: 'egress',
    protocol: 'udp',
    source: '172.16.0.0/16',
    destination: '192.168.20.0/24',
    destinationPorts: null,
    action: 'allow',
    position: 2,
  },
];
const ALL = [...FIXES, ...MORE];

/** Every string in a spec (ids, names, CIDRs) may appear as is in any language. */
function namesOf(spec: unknown): string[] {
  if (typeof spec === 'string') return spec.split(/[\s/=]+/);
  if (Array.isArray(spec)) return spec.flatMap(namesOf);
  if (spec && typeof spec === 'object') return Object.entries(spec).flatMap(([k, v]) => [k, ...namesOf(v)]);
  return [];
}

// Words of code quoted inside comments: operation, block and file names.
const CODE_WORDS = ['ShowIpWhitelist', 'ShowFirewall', 'whitelists', 'root', 'bip', 'default-address-pools'];

const forms = (render: FixRender) =>
  [
    render.hcloud,
    render.terraform,
    render.kubectl,
    render.api === undefined ? undefined : JSON.stringify(render.api),
  ].filter((form): form is string => form !== undefined);

/** Code with its comments dropped and every description emptied: what must not change with the language. */
function codeOnly(code: string): string {
  return (
    code
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n')
      // Placeholders for ids of objects the fix creates are words for the reader to replace.
      .replace(/<[^<>]*>/g, '<>')
      .replace(/("description"\s*[:=]\s*)"[^"]*"/g, '$1""')
      .replace(/(description\s*=\s*)"[^"]*"/g, '$1""')
      .replace(/(description=)('[^']*'|\S+)/g, '$1')
  );
}

const comments = (code: string) =>
  code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#') && !line.startsWith('# kubectl'))
    .map((line) => line.replace(/^#\s*/, ''))
    // The KooCLI command a comment quotes is code.
    .map((line) => line.replace(/hcloud [^（(]*--help/g, ' ').replace(/--[a-z-]+/g, ' '));

describe('fixes in Chinese', () => {
  it.each(ALL.map((spec) => ({ kind: spec.kind, spec })))(
    '$kind: the words are Chinese, with no English left',
    ({ spec }) => {
      const en = renderFix(spec, PURPOSE);
      const zh = renderFix(spec, PURPOSE, {}, ZH);
      expect(zh.text).not.toBe(en.text);
      expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
      expect(untranslatedWords(zh.text, [...namesOf(spec), 'prod', 'db1', ...CODE_WORDS])).toEqual([]);
    },
  );

  it.each(ALL.map((spec) => ({ kind: spec.kind, spec })))(
    '$kind: the code is the same in both languages but for comments and descriptions, which are Chinese',
    ({ spec }) => {
      const en = renderFix(spec, PURPOSE);
      const zh = renderFix(spec, PURPOSE, {}, ZH);
      expect(forms(zh).map(codeOnly)).toEqual(forms(en).map(codeOnly));
      for (const form of forms(zh)) {
        for (const comment of comments(form)) {
          expect(untranslatedWords(comment, [...namesOf(spec), 'prod', 'db1', ...CODE_WORDS]), comment).toEqual([]);
        }
      }
    },
  );

  it('keeps the console words of the seed fix: 入方向规则, 源地址, 容器网段 purpose', () => {
    const [sg] = FIXES;
    const zh = renderFix(sg!, 'CCE prod pods -> ecs1 icmp echo', {}, ZH);
    expect(zh.text).toBe(
      '在安全组 sg-db 中添加入方向规则：策略 允许，协议端口 TCP 3306，源地址 172.16.0.0/16，优先级 1（用于 CCE prod 容器 -> ecs1 icmp echo）。',
    );
    expect(JSON.stringify(zh.api)).toContain('"description":"reachbot: CCE prod 容器 到 ecs1 icmp echo"');
  });

  it('keeps descriptions within Huawei limits in any language: 255 characters, no angle brackets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (purpose) => {
        for (const text of [undefined, ZH]) {
          const description = huaweiDescription(purpose, text);
          expect([...description].length).toBeLessThanOrEqual(255);
          expect(description).not.toMatch(/[<>]/);
        }
      }),
    );
  });
});

const terraformPath = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0 ? 'terraform' : null;

describe('Chinese Terraform', () => {
  it('terraform fmt -check accepts the Terraform of every fix kind with Chinese comments and descriptions', () => {
    if (terraformPath === null) {
      console.log('terraform fmt check not run: no terraform binary on PATH');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-tf-zh-'));
    try {
      let written = 0;
      ALL.forEach((fix, index) => {
        const terraform = renderFix(fix, PURPOSE, {}, ZH).terraform;
        if (terraform === undefined) return;
        written++;
        writeFileSync(join(dir, `fix${index}.tf`), `${terraform}\n`);
      });
      expect(written).toBeGreaterThan(10);
      const result = spawnSync(terraformPath, ['fmt', '-check', '-list=true', dir], { encoding: 'utf8' });
      expect(result.stdout, 'files terraform fmt would change').toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
