// The `reachbot` command: builds the commander program from one module per subcommand, runs it
// in-process against injected I/O, and turns every outcome into an exit status and at most a few
// clear lines on stderr (never a stack trace, unless REACHBOT_DEBUG is set).
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { i18n } from '../i18n/i18n.js';
import { cli, HELP_TITLES_ZH } from '../i18n/messages/cli.js';
import { QuestionError } from '../question/errors.js';
import { StoreError } from '../store/errors.js';
import { DEFAULT_STORE_FILE } from '../store/file-store.js';
import { TopologyError } from '../topology/errors.js';
import { ChangeError } from '../whatif/change.js';
import { register as registerAsk } from './commands/ask.js';
import { register as registerCheckPlan } from './commands/check-plan.js';
import { register as registerImport } from './commands/import.js';
import { register as registerTopology } from './commands/topology.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerWhatIf } from './commands/whatif.js';
import { CliExit, type CliIO, cliText, EXIT } from './io.js';
import { cliLang, takeLangOption } from './lang-option.js';
import { HELP_WORDS_ZH, localizeHelp } from './localize-help.js';
import { PACKAGE_JSON_PATH } from './paths.js';
import { locatedLines } from './topology-file.js';
import { localizeUsageError } from './usage-errors.js';

/** The installed version, from package.json (the one file that states it). */
export function reachbotVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(PACKAGE_JSON_PATH, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** Build the program; output goes to `io`, and errors throw instead of exiting the process. */
export function buildProgram(io: CliIO): Command {
  const text = cliText(io);
  const program = new Command('reachbot')
    .description(text.t(cli['cli.program']))
    .configureOutput({
      writeOut: (out) => io.stdout.write(out),
      writeErr: (out) => io.stderr.write(out),
      outputError: (out, write) => write(localizeUsageError(out, text)),
    })
    // Subcommands inherit the help's headings and the help option's words.
    .configureHelp(
      text.lang === 'zh' ? { ...HELP_WORDS_ZH, styleTitle: (title) => HELP_TITLES_ZH[title] ?? title } : {},
    )
    .helpOption('-h, --help', text.t(cli['cli.help-option']))
    .helpCommand('help [command]', text.t(cli['cli.help-command']))
    .version(reachbotVersion(), '-V, --version', text.t(cli['cli.version']))
    // Taken out of the arguments before parsing (lang-option.ts); declared so that the help lists it.
    .option('--lang <lang>', text.t(cli['cli.lang']))
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText('after', text.t(cli['cli.program.after'], { store: DEFAULT_STORE_FILE }));
  registerAsk(program, io);
  registerValidate(program, io);
  registerTopology(program, io);
  registerImport(program, io);
  registerWhatIf(program, io);
  registerCheckPlan(program, io);
  localizeHelp(program, text);
  return program;
}

/** Run `reachbot <argv>`; returns the exit status (docs/CLI.md). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const args = takeLangOption(argv);
  if ('error' in args) {
    io.stderr.write(`reachbot: ${args.error}\n`);
    return EXIT.invalid;
  }
  const withLang: CliIO = { ...io, ...(cliLang(args.lang, io.env) ? { lang: cliLang(args.lang, io.env) } : {}) };
  const program = buildProgram(withLang);
  try {
    await program.parseAsync([...args.argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, withLang);
  }
}

function report(error: unknown, io: CliIO): number {
  const line = (out: string) => io.stderr.write(`${out}\n`);
  // A question is answered, and its errors said, in its own language unless one was asked for.
  const text = error instanceof QuestionError ? i18n(io.lang ?? error.lang) : cliText(io);
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // Its own usage errors are "not a valid question"; a command's cmd.error keeps the status it chose.
    return error.code.startsWith('commander.') ? EXIT.invalid : error.exitCode;
  }
  if (error instanceof CliExit) {
    if (error.message) line(text.t(cli['cli.error'], { message: error.describe(text) }));
    if (error.suggestions.length) line(text.t(cli['cli.did-you-mean'], { names: error.suggestions }));
    return error.exitCode;
  }
  if (error instanceof QuestionError) {
    line(text.t(cli['cli.error'], { message: error.describe(text) }));
    const forms = error.suggestions.some((s) => s.includes(' '));
    if (forms) line(text.t(cli['cli.try'], { forms: error.suggestions.slice(0, 4) }));
    // Names: the message usually lists them already ("(known: ...)", closest first).
    else if (error.suggestions.length && !error.message.includes('(known:'))
      line(text.t(cli['cli.did-you-mean'], { names: error.suggestions }));
    return EXIT.invalid;
  }
  if (error instanceof TopologyError) {
    for (const issue of locatedLines(error.issues, error.source ?? 'topology', text)) line(issue);
    return EXIT.invalid;
  }
  if (error instanceof ChangeError) {
    for (const said of error.describe(text).split('\n')) line(said);
    return EXIT.invalid;
  }
  if (error instanceof StoreError) {
    line(`reachbot: ${error.message}`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  line(text.t(cli['cli.internal-error'], { message }));
  if (io.env.REACHBOT_DEBUG && error instanceof Error && error.stack) line(error.stack);
  else line(text.t(cli['cli.debug-hint']));
  return EXIT.failed;
}

/** The process entry point (bin/reachbot.js, `npm run reachbot`). */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

// Not awaited: the CLI is bundled as CommonJS (scripts/bundle.mjs), which has no top-level await. A rejection
// still ends the process with its stack, as an awaited one would.
if (invokedDirectly()) void main();
