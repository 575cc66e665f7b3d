// Commander writes its usage errors (unknown option, missing argument, ...) in English. In a Chinese terminal they
// are read back and said with the catalog's words; a message it does not recognise passes through unchanged.
import type { I18n } from '../i18n/i18n.js';
import { cliUsage as U } from '../i18n/messages/cli.js';

type Rewrite = (match: RegExpExecArray, text: I18n) => string;

const PATTERNS: readonly [RegExp, Rewrite][] = [
  [/^error: missing required argument '([^']*)'/, (m, t) => t.t(U['usage.missing-argument'], { name: m[1] ?? '' })],
  [/^error: option '([^']*)' argument missing/, (m, t) => t.t(U['usage.option-argument'], { flags: m[1] ?? '' })],
  [/^error: required option '([^']*)' not specified/, (m, t) => t.t(U['usage.required-option'], { flags: m[1] ?? '' })],
  [/^error: unknown option '([^']*)'/, (m, t) => t.t(U['usage.unknown-option'], { flag: m[1] ?? '' })],
  [/^error: unknown command '([^']*)'/, (m, t) => t.t(U['usage.unknown-command'], { name: m[1] ?? '' })],
  [
    /^error: too many arguments(?: for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m, t) => t.t(U['usage.too-many'], { expected: Number(m[1]), got: Number(m[2]) }),
  ],
  [/^\(Did you mean (?:one of )?(.*)\?\)/, (m, t) => t.t(U['usage.did-you-mean'], { names: m[1] ?? '' })],
];

/** Commander's error output in the CLI's language, line by line (English is left as commander wrote it). */
export function localizeUsageError(output: string, text: I18n): string {
  if (text.lang === 'en') return output;
  return output
    .split('\n')
    .map((line) => {
      for (const [pattern, rewrite] of PATTERNS) {
        const match = pattern.exec(line);
        if (match) return rewrite(match, text) + line.slice(match[0].length);
      }
      return line;
    })
    .join('\n');
}
