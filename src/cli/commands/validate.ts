// `reachbot validate FILE`: check a topology file; every problem located as `file:line: path: message`.
import type { Command } from 'commander';
import { cli } from '../../i18n/messages/cli.js';
import { CliExit, type CliIO, cliText, EXIT } from '../io.js';
import { readTopologyFile } from '../topology-file.js';
import { summarize } from './topology-summary.js';

/** Register `validate`. */
export function register(program: Command, io: CliIO): void {
  const text = cliText(io);
  program
    .command('validate')
    .description(text.t(cli['cli.validate']))
    .argument('<file>', text.t(cli['cli.validate.file']))
    .addHelpText('after', text.t(cli['cli.validate.after']))
    .action(async (file: string) => {
      const result = await readTopologyFile(file, io.cwd, text);
      if (!result.ok) {
        for (const line of result.lines) io.stderr.write(`${line}\n`);
        throw new CliExit(EXIT.invalid);
      }
      io.stdout.write(`${text.t(cli['cli.validate.valid'], { file, summary: summarize(result.topology, text) })}\n`);
    });
}
