// Reading a file a command was given (a topology, a plan, a state, a change file, a questions file): one message
// for one that cannot be read, naming it and why ("no such file", "is a directory", the system's code). Commands
// said it four ways, from "cannot read plan.json" without a reason to Node's own ENOENT text.
import { resolve } from 'node:path';
import type { Unreadable } from '../i18n/messages/cli-commands.js';
import { cliCommands as C } from '../i18n/messages/cli-commands.js';
import { readText } from '../runtime/read-text.js';
import { CliExit, EXIT } from './io.js';

/** The text of `file` (relative to `cwd`); a file that cannot be read ends the command with status 2. */
export async function readInputFile(file: string, cwd: string): Promise<string> {
  try {
    return await readText(resolve(cwd, file));
  } catch (error) {
    throw CliExit.of(EXIT.invalid, C['cli.file.unreadable'], { file, why: unreadable(error) });
  }
}

function unreadable(error: unknown): Unreadable {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'directory' : { code: String(code ?? error) };
}
