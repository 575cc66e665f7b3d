// `reachbot check-plan plan.json`: apply a Terraform plan (`terraform show -json PLANFILE`) to the stored or
// given topology and compare every watched path (or a questions file) before and after. For CI: exit 1 when a
// path breaks. Reads only.

import { type Command, Option } from 'commander';
import { cli } from '../../i18n/messages/cli.js';
import { cliCommands as C } from '../../i18n/messages/cli-commands.js';
import { checkPlan } from '../../plan/check.js';
import { PlanError, parsePlan } from '../../plan/plan.js';
import { type PlanFormat, planJson, planMarkdown, planText } from '../../plan/render.js';
import { compileTopology } from '../../topology/compile.js';
import { readInputFile } from '../command-files.js';
import { CliExit, type CliIO, cliText, EXIT } from '../io.js';
import { helpAfter } from '../localize-help.js';
import { loadPathSource, readQuestionsFile } from '../path-sources.js';

interface CheckPlanOptions {
  readonly topology?: string;
  readonly questions?: string;
  readonly channel?: string;
  readonly format: PlanFormat;
}

/** Register `check-plan`. */
export function register(program: Command, io: CliIO): void {
  program
    .command('check-plan')
    .description(cliText(io).t(cli['cli.check-plan']))
    .argument('<plan>', 'the plan as JSON')
    .option('-t, --topology <file>', 'the topology file (default: the store)')
    .option('-q, --questions <file>', 'the paths to check, one question a line (default: the stored watched paths)')
    .option('--channel <id>', "from the store, only this Slack channel's watched paths")
    .addOption(new Option('-f, --format <format>', 'output').choices(['text', 'markdown', 'json']).default('text'))
    .addHelpText('after', helpAfter('check-plan', cliText(io)))
    .action(async (file: string, options: CheckPlanOptions) => {
      const code = await run(file, options, io);
      if (code !== EXIT.ok) throw new CliExit(code);
    });
}

async function run(file: string, options: CheckPlanOptions, io: CliIO): Promise<number> {
  const text = await readInputFile(file, io.cwd);
  let plan: ReturnType<typeof parsePlan>;
  try {
    plan = parsePlan(text, file);
  } catch (error) {
    if (error instanceof PlanError) throw new CliExit(EXIT.invalid, error.message);
    throw error;
  }
  const source = await loadPathSource(options, io);
  const paths = options.questions ? await readQuestionsFile(options.questions, io.cwd) : source.watched;
  if (paths.length === 0)
    throw CliExit.of(EXIT.invalid, C['cli.paths.none-to-check'], { fromFile: Boolean(options.topology) });
  let check: ReturnType<typeof checkPlan>;
  try {
    check = checkPlan(source.topology, plan, paths, compileTopology(source.topology), cliText(io));
  } catch (error) {
    if (error instanceof PlanError) throw new CliExit(EXIT.invalid, error.message);
    throw error;
  }
  const out =
    options.format === 'json'
      ? JSON.stringify(planJson(check, cliText(io)), null, 2)
      : options.format === 'markdown'
        ? planMarkdown(check, cliText(io))
        : planText(check, cliText(io));
  io.stdout.write(`${out}\n`);
  return check.paths.some((p) => p.movement === 'breaks') ? EXIT.unreachable : EXIT.ok;
}
