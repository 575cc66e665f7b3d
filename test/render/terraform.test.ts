// Terraform that pastes: `terraform fmt -check` accepts every block the renderer produces for every fix kind,
// no variable is used without its `variable` block, labels never collide, and region/project ids fill in.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixSpec } from '../../src/engine/diagnosis.js';
import { renderFix } from '../../src/render/fix.js';
import { hclIdentifier } from '../../src/render/syntax/hcl.js';
import { FIXES } from './fix-specs.js';

const PURPOSE = 'CCE prod pods -> db1 tcp/3306';

const terraformPath = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0 ? 'terraform' : null;

describe('Terraform output', () => {
  it('declares every var.* it uses, in the same snippet', () => {
    for (const fix of FIXES) {
      const terraform = renderFix(fix, PURPOSE).terraform ?? '';
      for (const [, name] of terraform.matchAll(/\bvar\.([a-z0-9_]+)/g)) {
        expect(terraform, `${fix.kind}: var.${name}`).toContain(`variable "${name}" {`);
      }
    }
  });

  it('terraform fmt -check accepts the Terraform of every fix kind', () => {
    if (terraformPath === null) {
      console.log('terraform fmt check not run: no terraform binary on PATH');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-tf-'));
    try {
      const kinds = new Set<string>();
      FIXES.forEach((fix, index) => {
        const terraform = renderFix(fix, PURPOSE).terraform;
        if (terraform === undefined) return;
        kinds.add(fix.kind);
        writeFileSync(join(dir, `fix${index}.tf`), `${terraform}\n`);
      });
      // Every kind with a Terraform form is covered.
      for (const kind of [
        'network-acl-rule',
        'route',
        'security-group-rule',
        'snat-rule',
        'whitelist-entry',
        'er-route',
        'er-association',
        'er-propagation',
        'nat-gateway',
        'peering',
      ]) {
        expect(kinds).toContain(kind);
      }
      const result = spawnSync(terraformPath, ['fmt', '-check', '-list=true', dir], { encoding: 'utf8' });
      expect(result.stdout, 'files terraform fmt would change').toBe('');
      expect(result.status).toBe(0);
      // Not only formatted: the HCL parses (fmt fails on a syntax error too, but say it plainly).
      execFileSync(terraformPath, ['fmt', '-check', dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('labels stay distinct for long names that share a prefix, within 64 characters, the same on every run', () => {
    const prefix = 'sg-a-very-long-security-group-name-that-fills-the-label-budget-of-terraform-';
    const word = fc.stringMatching(/^[a-z0-9]{1,30}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        const left = hclIdentifier(`${prefix}${a}`);
        expect(left.length).toBeLessThanOrEqual(64);
        expect(hclIdentifier(`${prefix}${a}`)).toBe(left);
        if (a !== b) expect(hclIdentifier(`${prefix}${b}`)).not.toBe(left);
      }),
    );
  });

  it('an imported topology region and project fill in KooCLI and API paths; unknown ones stay placeholders', () => {
    const fix = FIXES[0] as FixSpec;
    const placed = renderFix(fix, PURPOSE, { region: 'cn-north-4', project: '0123456789abcdef0123456789abcdef' });
    expect(placed.hcloud).toContain('--cli-region=cn-north-4');
    expect(placed.hcloud).not.toContain('<region>');
    expect(placed.api?.path).toBe('/v3/0123456789abcdef0123456789abcdef/vpc/security-group-rules');
    const unplaced = renderFix(fix, PURPOSE);
    expect(unplaced.hcloud).toContain('<region>');
    // A fix that creates several resources: every request and every command gets them.
    const nat = FIXES.find((f) => f.kind === 'nat-gateway') as FixSpec;
    const placedNat = renderFix(nat, PURPOSE, { region: 'cn-north-4', project: 'p0123' });
    expect([placedNat.api?.path, ...(placedNat.api?.next ?? []).map((r) => r.path)]).toEqual([
      '/v2/p0123/nat_gateways',
      '/v1/p0123/publicips',
      '/v2/p0123/snat_rules',
      '/v2/p0123/snat_rules',
    ]);
    expect(placedNat.hcloud).not.toContain('<region>');
    expect(unplaced.api?.path).toContain('{project_id}');
  });
});
