// The `reachbot` command: builds the commander program from one module per subcommand, runs it
// in-process against injected I/O, and turns every outcome into an exit status and at most a few
// clear lines on stderr (never a stack trace, unless REACHBOT_DEBUG is set).
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
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
import { CliExit, type CliIO, EXIT } from './io.js';
import { PACKAGE_JSON_PATH } from './paths.js';
import { locatedLines } from './topology-file.js';

/** The installed version, from package.json (the one file that states it). */
export function reachbotVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(PACKAGE_JSON_PATH, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** Build the program; output goes to `io`, and errors throw instead of exiting the process. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('reachbot')
    .description("Why can't my pod reach that address? Static reachability diagnosis for Huawei Cloud CCE.")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .version(reachbotVersion(), '-V, --version', 'print the reachbot version')
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ reachbot ask "can pod in prod reach 192.168.10.52?"
  $ reachbot ask "prod -> db1 tcp/3306" --topology topology.yaml --json
  $ reachbot validate topology.yaml
  $ reachbot topology import topology.yaml --name prod --default

Without --topology, questions are answered from the store (REACHBOT_STORE, default ${DEFAULT_STORE_FILE}),
or from the sample topology (data/sample.yaml) while the store is empty.`,
    );
  registerAsk(program, io);
  registerValidate(program, io);
  registerTopology(program, io);
  registerImport(program, io);
  registerWhatIf(program, io);
  registerCheckPlan(program, io);
  return program;
}

/** Run `reachbot <argv>`; returns the exit status (docs/CLI.md). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIO): number {
  const line = (text: string) => io.stderr.write(`${text}\n`);
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // Its own usage errors are "not a valid question"; a command's cmd.error keeps the status it chose.
    return error.code.startsWith('commander.') ? EXIT.invalid : error.exitCode;
  }
  if (error instanceof CliExit) {
    if (error.message) line(`reachbot: ${error.message}`);
    if (error.suggestions.length) line(`  did you mean: ${error.suggestions.join(', ')}`);
    return error.exitCode;
  }
  if (error instanceof QuestionError) {
    line(`reachbot: ${error.message}`);
    const forms = error.suggestions.some((s) => s.includes(' '));
    if (forms)
      line(
        `  try: ${error.suggestions
          .slice(0, 4)
          .map((s) => `"${s}"`)
          .join('\n       ')}`,
      );
    // Names: the message usually lists them already ("(known: ...)", closest first).
    else if (error.suggestions.length && !error.message.includes('(known:'))
      line(`  did you mean: ${error.suggestions.join(', ')}`);
    return EXIT.invalid;
  }
  if (error instanceof TopologyError) {
    for (const issue of locatedLines(error.issues, error.source ?? 'topology')) line(issue);
    return EXIT.invalid;
  }
  if (error instanceof ChangeError) {
    for (const text of error.message.split('\n')) line(text);
    return EXIT.invalid;
  }
  if (error instanceof StoreError) {
    line(`reachbot: ${error.message}`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  line(`reachbot: internal error: ${message}`);
  if (io.env.REACHBOT_DEBUG && error instanceof Error && error.stack) line(error.stack);
  else line('  (set REACHBOT_DEBUG=1 to see where)');
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

if (invokedDirectly()) await main();
