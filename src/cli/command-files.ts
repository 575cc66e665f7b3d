// Reading a file a command was given (a topology, a plan, a state, a change file, a questions file) and writing
// the one it was asked to (`--out`): one message for a file that cannot be read or written, naming it and why
// ("no such file", "is a directory", the system's code). Commands said it four ways, from "cannot read plan.json"
// without a reason to Node's own ENOENT text, and an `--out` into a missing directory was "an internal error".
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cliCommands as C } from '../i18n/messages/cli-commands.js';
import { fileProblemOf } from '../runtime/file-problem.js';
import { readText } from '../runtime/read-text.js';
import { CliExit, EXIT } from './io.js';

/** The text of `file` (relative to `cwd`); a file that cannot be read ends the command with status 2. */
export async function readInputFile(file: string, cwd: string): Promise<string> {
  try {
    return await readText(resolve(cwd, file));
  } catch (error) {
    throw CliExit.of(EXIT.invalid, C['cli.file.unreadable'], { file, why: fileProblemOf(error) });
  }
}

/** Write `text` to `file` (relative to `cwd`), whole; a file that cannot be written ends the command with status 2. */
export async function writeOutputFile(file: string, cwd: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, file), text, 'utf8');
  } catch (error) {
    throw CliExit.of(EXIT.invalid, C['cli.file.unwritable'], { file, why: fileProblemOf(error) });
  }
}
