// `reachbot whatif --change change.yaml "question"`: evaluate a change on a copy of the topology and report how
// the question's path, a questions file's paths and the stored watched paths would move. Reads only.

import type { Command } from 'commander';
import { cli } from '../../i18n/messages/cli.js';
import { cliCommands as C } from '../../i18n/messages/cli-commands.js';
import { parseQuestion } from '../../question/parse.js';
import { compileTopology } from '../../topology/compile.js';
import { type Change, ChangeError, parseChanges } from '../../whatif/change.js';
import type { PathToCompare } from '../../whatif/compare.js';
import { changesOf, evaluateWhatIf } from '../../whatif/evaluate.js';
import { parseWhatIf } from '../../whatif/phrase.js';
import { renderWhatIf } from '../../whatif/render.js';
import { readInputFile } from '../command-files.js';
import { CliExit, type CliIO, cliText, EXIT } from '../io.js';
import { helpAfter } from '../localize-help.js';
import { loadPathSource, plainCluster, readQuestionsFile } from '../path-sources.js';

interface WhatIfOptions {
  readonly topology?: string;
  readonly change?: string;
  readonly whatIf?: string;
  readonly questions?: string;
  readonly channel?: string;
  readonly json?: boolean;
}

/** Register `whatif`. */
export function register(program: Command, io: CliIO): void {
  program
    .command('whatif')
    .description(cliText(io).t(cli['cli.whatif']))
    .argument('[question...]', 'the path to evaluate (any question form)')
    .option('-t, --topology <file>', 'the topology file (default: the store)')
    .option('-c, --change <file>', 'the changes, in the change format (docs/WHATIF.md)')
    .option('-w, --what-if <text>', 'the change in words: "remove rule #3 of sg-db1", "apply the fixes"')
    .option('-q, --questions <file>', 'more paths: one question a line')
    .option('--channel <id>', "from the store, only this Slack channel's watched paths")
    .option('--json', 'the comparison as JSON')
    .addHelpText('after', helpAfter('whatif', cliText(io)))
    .action(async (words: string[], options: WhatIfOptions) => {
      const code = await whatIf(words.join(' ').trim(), options, io);
      if (code !== EXIT.ok) throw new CliExit(code);
    });
}

async function whatIf(text: string, options: WhatIfOptions, io: CliIO): Promise<number> {
  if (!options.change === !options.whatIf) throw CliExit.of(EXIT.invalid, C['cli.whatif.one-change'], undefined);
  const question = text ? plainCluster(parseQuestion(text)) : undefined;
  const asked: PathToCompare[] = question ? [{ question }] : [];
  if (options.questions) asked.push(...(await readQuestionsFile(options.questions, io.cwd)));
  const source = await loadPathSource(
    options,
    io,
    question?.cluster ?? (text ? parseQuestion(text).cluster : undefined),
  );
  const before = compileTopology(source.topology);
  let changes: Change[];
  if (options.change) {
    changes = parseChanges(await readInputFile(options.change, io.cwd), options.change);
  } else {
    const request = parseWhatIf(`what if ${options.whatIf!.replace(/^\s*what\s+if\s+/i, '')}`);
    if (!request) throw CliExit.of(EXIT.invalid, C['cli.whatif.not-a-change'], undefined);
    if (request.kind === 'apply-fixes' && !question)
      throw CliExit.of(EXIT.invalid, C['cli.whatif.fixes-need-question'], undefined);
    changes = changesOf(request, before, question);
  }
  let result: ReturnType<typeof evaluateWhatIf>;
  try {
    result = evaluateWhatIf(source.topology, before, changes, asked, source.watched);
  } catch (error) {
    if (error instanceof ChangeError) throw new CliExit(EXIT.invalid, error.describe(cliText(io)));
    throw error;
  }
  if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`${renderWhatIf(result.changes, result.asked, result.watched)}\n`);
  const breaks = [...result.asked, ...result.watched].some((c) => c.movement === 'breaks');
  return breaks ? EXIT.unreachable : EXIT.ok;
}
