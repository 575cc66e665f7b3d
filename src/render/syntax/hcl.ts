// HCL (Terraform) syntax for the snippets we print: string literals that cannot open a template or end
// early, identifiers Terraform accepts, and attribute blocks aligned the way `terraform fmt` aligns them.
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { singleLine } from './shell.js';

/** A quoted HCL string: JSON escapes plus `$${` / `%%{` so that user text never becomes a template. */
export function hclString(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  // A function replacement: in a replacement *string*, "$$" would mean a single "$".
  return `"${out.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`)}"`;
}

/** A list of HCL strings on one line: `["a", "b"]`. */
export function hclList(values: readonly string[]): string {
  return `[${values.map(hclString).join(', ')}]`;
}

/**
 * A snake_case identifier derived from free text: letters, digits and underscores, starting with a letter
 * (Terraform also allows dashes, but snake_case is what its style guide asks for). Never empty.
 */
export function hclIdentifier(text: string, fallback = 'fix'): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const ident = words.length === 0 ? fallback : /^[a-z]/.test(words) ? words : `${fallback}_${words}`;
  if (ident.length <= 64) return ident;
  // Truncated: a hash of the whole text keeps two long names that share a prefix apart, the same on every run.
  return `${ident.slice(0, 55).replace(/_+$/, '')}_${fnv1a(text)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint (not a security measure). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `variable` blocks for every `var.NAME` a snippet uses, put before it, so that the snippet is a complete
 * configuration: Terraform asks for each value (or reads it from -var / a .tfvars file) instead of failing on an
 * undeclared variable.
 */
export function withVariableBlocks(snippet: string, text: I18n = EN): string {
  const names = [...new Set([...snippet.matchAll(/\bvar\.([a-z][a-z0-9_]*)/g)].map((match) => match[1] ?? ''))];
  if (names.length === 0) return snippet;
  const blocks = names.map((name) =>
    hclBlock(`variable "${name}"`, [
      { name: 'type', value: 'string' },
      {
        name: 'description',
        value: hclString(
          text.t(fixes['fix.variable'], name.endsWith('_id') ? { object: name.slice(0, -3) } : { value: name }),
        ),
      },
    ]),
  );
  return [...blocks, snippet].join('\n\n');
}

const VARIABLE_BLOCK = /^variable "([a-z][a-z0-9_]*)" \{\n(?:.*\n)*?\}\n*/gm;

/**
 * The Terraform of several fixes, ready to paste into one file: a `variable` block an earlier snippet already
 * declares is left out of the later ones (Terraform refuses a variable declared twice). Each snippet alone
 * stays complete in the contract; surfaces that show several fixes use this.
 */
export function oneFileTerraform(snippets: readonly (string | undefined)[]): (string | undefined)[] {
  const declared = new Set<string>();
  return snippets.map((snippet) => {
    if (snippet === undefined) return undefined;
    const names = new Set<string>();
    const kept = snippet.replace(VARIABLE_BLOCK, (block, name: string) => {
      if (declared.has(name)) return '';
      names.add(name);
      return block;
    });
    for (const name of names) declared.add(name);
    return kept;
  });
}

/** A `# comment` line that stays one line whatever the text holds. */
export function hclComment(text: string): string {
  return `# ${singleLine(text)}`;
}

/** An attribute of a block: a name and an already-rendered HCL expression, or a nested block. */
export type HclItem =
  | { readonly name: string; readonly value: string }
  | { readonly block: string; readonly items: readonly HclItem[] };

/** A block `header { ... }` with `=` aligned within each run of attributes, as `terraform fmt` does. */
export function hclBlock(header: string, items: readonly HclItem[], indent = ''): string {
  const inner = `${indent}  `;
  const lines: string[] = [`${indent}${header} {`];
  let run: { name: string; value: string }[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map((item) => item.name.length));
    for (const item of run) lines.push(`${inner}${item.name.padEnd(width)} = ${item.value}`);
    run = [];
  };
  for (const item of items) {
    if ('block' in item) {
      flush();
      if (lines.length > 1) lines.push('');
      lines.push(hclBlock(item.block, item.items, inner));
    } else {
      run.push({ name: item.name, value: item.value });
    }
  }
  flush();
  lines.push(`${indent}}`);
  return lines.join('\n');
}
