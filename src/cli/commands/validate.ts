// `reachbot validate FILE`: check a topology file; every problem located as `file:line: path: message`.
import type { Command } from 'commander';
import { CliExit, type CliIO, EXIT } from '../io.js';
import { readTopologyFile } from '../topology-file.js';
import { summarize } from './topology-summary.js';

/** Register `validate`. */
export function register(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check a topology file (YAML or JSON, format v1) and report every problem with its line')
    .argument('<file>', 'the topology file')
    .addHelpText(
      'after',
      `
Exit status: 0 valid, 2 not valid (one line per problem: file:line: path: message).

Examples:
  $ reachbot validate topology.yaml
  $ reachbot validate data/sample.yaml`,
    )
    .action(async (file: string) => {
      const result = await readTopologyFile(file, io.cwd);
      if (!result.ok) {
        for (const line of result.lines) io.stderr.write(`${line}\n`);
        throw new CliExit(EXIT.invalid);
      }
      io.stdout.write(`${file}: valid (${summarize(result.topology)})\n`);
    });
}
