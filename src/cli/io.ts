// The CLI's edges, injected so that tests run commands in-process: where output goes, the environment,
// the working directory; and how a command ends with a particular exit status.
import { type I18n, i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';

/** Somewhere to write text (process.stdout, or a buffer in tests). */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything a command may touch outside its arguments. */
export interface CliIO {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock (freshness of answers, sync times); the system clock when absent. */
  readonly now?: () => Date;
  /** The language asked for (`--lang`, else the locale); absent: answers follow the language of each question. */
  readonly lang?: Lang;
}

/** The language of the program's own texts: the one asked for, else English. */
export function cliText(io: { readonly lang?: Lang | undefined }): I18n {
  return i18n(io.lang ?? 'en');
}

/** Exit statuses (docs/CLI.md). */
export const EXIT = {
  reachable: 0,
  ok: 0,
  unreachable: 1,
  invalid: 2,
  uncertain: 3,
  failed: 4,
} as const;

/**
 * End the command with `exitCode`. With a message, it is printed as one line on stderr
 * (`reachbot: <message>`), followed by the suggestions, closest first.
 */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** Whether to color output: not when asked not to, nor for a pipe, nor with NO_COLOR or TERM=dumb. */
export function useColor(io: CliIO, requested: boolean): boolean {
  if (!requested) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** Text in the terminal's dim style, when coloring. */
export function dim(text: string, color: boolean): string {
  return color ? `\u001b[2m${text}\u001b[0m` : text;
}
