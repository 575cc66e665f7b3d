// `--lang zh|en`, taken out of the arguments before commander reads them: the language decides how the program
// itself (its help, its messages) is built, so it must be known first. Without it, the locale decides (LC_ALL,
// LC_MESSAGES, LANG); without either, `ask` answers in the language of the question.
import { LANGS, type Lang, langOfEnvironment } from '../i18n/lang.js';

/** The arguments without `--lang`, and the language it named (or an error for a value that is not one). */
export type LangArgs =
  | { readonly argv: readonly string[]; readonly lang: Lang | undefined }
  | { readonly error: string };

const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/** Take `--lang X` / `--lang=X` out of `argv` (the last one wins), stopping at `--`. */
export function takeLangOption(argv: readonly string[]): LangArgs {
  const rest: string[] = [];
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
    if (value === undefined || !isLang(value)) {
      return { error: `--lang must be ${LANGS.join(' or ')}${value === undefined ? '' : ` (got "${value}")`}` };
    }
    lang = value;
  }
  return { argv: rest, lang };
}

/** The language the CLI was asked to write in: `--lang`, else the locale; undefined: follow each question. */
export function cliLang(
  explicit: Lang | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang | undefined {
  return explicit ?? langOfEnvironment(env);
}
