// Hostile names and purposes must not change what a pasted command or Terraform snippet does.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFix } from '../../src/render/fix.js';
import { hclIdentifier, hclString } from '../../src/render/syntax/hcl.js';
import { shellWord } from '../../src/render/syntax/shell.js';
import { seedSecurityGroupFix } from '../fixtures/render/diagnoses.js';

/** Run a printed command in bash with `hcloud` replaced by a function that prints its arguments. */
function argsSeenByBash(command: string): string[] {
  const script = `hcloud() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}\n`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** Decode an HCL quoted string that starts at `text[0]`; throws on a template sequence or a raw newline. */
function decodeHclString(text: string): { value: string; rest: string } {
  if (text[0] !== '"') throw new Error('not a string');
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === '"') return { value, rest: text.slice(i + 1) };
    if (char === '\n') throw new Error('raw newline in a string');
    if (char === '\\') {
      const escapes: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
      if (next === 'u') {
        value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 5;
      } else if (next !== undefined && next in escapes) {
        value += escapes[next];
        i += 1;
      } else throw new Error(`bad escape \\${next}`);
    } else if ((char === '$' || char === '%') && next === char && text[i + 2] === '{') {
      value += `${char}{`;
      i += 2;
    } else if ((char === '$' || char === '%') && next === '{') {
      throw new Error('template sequence');
    } else value += char;
  }
  throw new Error('unterminated string');
}

const hostile = [
  `sg"; rm -rf / #`,
  "sg'$(touch /tmp/reachbot-pwned)'",
  'sg`id`',
  'sg\n--security_group_rule.action=deny',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform interpolation is the point of this name
  'sg ${var.x} %{if true}',
  'sg\\ \\n \u001b[31mred',
  '中文-安全组',
  '',
];

// Bash cannot carry NUL, and no topology name holds one.
const names = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((name) => !name.includes('\0'));
const rawNames = fc
  .string({ unit: fc.integer({ min: 1, max: 0x7f }).map((code) => String.fromCharCode(code)), maxLength: 30 })
  .filter((name) => !name.includes('\0'));

describe('shell safety', () => {
  it('shellWord round-trips any string through bash as one argument', () => {
    const samples = [...hostile, ...fc.sample(fc.oneof(names, rawNames), 60)];
    const script = samples.map((sample) => shellWord(sample)).join(' ');
    expect(argsSeenByBash(`hcloud ${script}`)).toEqual(samples);
  });

  it('a hostile security group name or purpose reaches hcloud as exactly the flags shown', () => {
    for (const name of [...hostile, ...fc.sample(rawNames, 20)]) {
      const render = renderFix({ ...seedSecurityGroupFix, securityGroup: name }, `purpose ${name}`);
      const args = argsSeenByBash(render.hcloud ?? '');
      expect(args[0]).toBe('VPC');
      expect(args[1]).toBe('CreateSecurityGroupRule/v3');
      expect(args).toContain(`--security_group_rule.security_group_id=<${name} id>`);
      expect(args).toContain('--security_group_rule.action=allow');
      expect(args.filter((arg) => arg.startsWith('--security_group_rule.action='))).toHaveLength(1);
      expect(args).toHaveLength(12);
    }
  });

  it('the host-bridge snippet is comments and one restart, whatever the host is called', () => {
    const render = renderFix(
      { kind: 'host-bridge', resource: 'db1\nrm -rf /', bridge: '172.17.0.0/16', suggested: '10.200.0.0/16' },
      'x\ncurl evil',
    );
    const commands = (render.hcloud ?? '').split('\n').filter((line) => !line.startsWith('#'));
    expect(commands).toEqual(['systemctl restart docker']);
  });
});

describe('HCL safety', () => {
  it('hclString decodes back to the input and never opens a template', () => {
    fc.assert(
      fc.property(fc.oneof(names, rawNames, fc.constantFrom(...hostile)), (value) => {
        const decoded = decodeHclString(hclString(value));
        expect(decoded).toEqual({ value, rest: '' });
      }),
    );
  });

  it('identifiers are valid snake_case, never empty, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(names, rawNames), (text) => {
        expect(hclIdentifier(text)).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
      }),
    );
  });

  it('a hostile name yields a valid resource label and variable, and a description with no < or >', () => {
    for (const name of hostile) {
      const render = renderFix({ ...seedSecurityGroupFix, securityGroup: name }, `<b>${name}</b> -> db1`);
      const terraform = render.terraform ?? '';
      expect(terraform).toMatch(/^resource "huaweicloud_networking_secgroup_rule" "[a-z][a-z0-9_]*" \{$/m);
      expect(terraform).toMatch(/^ {2}security_group_id = var\.[a-z][a-z0-9_]*$/m);
      const descriptionAt = terraform.indexOf('description       = ') + 'description       = '.length;
      const description = decodeHclString(terraform.slice(descriptionAt));
      expect(description.value).not.toMatch(/[<>\n]/);
      expect(description.rest.startsWith('\n}')).toBe(true);
    }
  });
});
