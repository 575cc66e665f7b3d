// Reading a topology file for a command: the whole text, parsed and validated, every problem located
// as `file:line: path: message`.

import { EN, type I18n } from '../i18n/i18n.js';
import { cliCommands as C } from '../i18n/messages/cli-commands.js';
import { formatIssues, type TopologyIssue } from '../topology/errors.js';
import { parseTopology } from '../topology/load.js';
import type { Topology } from '../topology/schema.js';
import { readInputFile } from './command-files.js';
import { collectGarbage, LARGE_TEXT } from './garbage.js';
import { CliExit, EXIT } from './io.js';

export type TopologyFileResult = { ok: true; topology: Topology } | { ok: false; lines: string[] };

/** Read and validate `file` (relative to `cwd`); a missing or unreadable file is a CliExit. Issues in `text`'s language. */
export async function readTopologyFile(file: string, cwd: string, text: I18n = EN): Promise<TopologyFileResult> {
  const content = await readInputFile(file, cwd);
  // A large YAML parse leaves hundreds of MB of garbage: collected before validation, the import's peak stays lower.
  const result = parseTopology(content, undefined, content.length >= LARGE_TEXT ? { afterYaml: collectGarbage } : {});
  if (result.ok) return result;
  return { ok: false, lines: locatedLines(result.issues, file, text) };
}

/** One `file:line: path: message` line per issue. */
export function locatedLines(issues: readonly TopologyIssue[], file: string, text: I18n = EN): string[] {
  return issues.map((issue) => formatIssues([issue], file, text));
}

/** Read `file` or end the command with every located problem and exit status 2. */
export async function requireTopologyFile(file: string, cwd: string, text: I18n = EN): Promise<Topology> {
  const result = await readTopologyFile(file, cwd, text);
  if (result.ok) return result.topology;
  throw CliExit.of(EXIT.invalid, C['cli.file.invalid-topology'], { file, lines: result.lines });
}
