// Why a file could not be read or written, in the few kinds a message names ("no such file", "it is a directory"),
// rather than the system's own text: the CLI's files and the kubeconfig say it the same way.

/** Why a file could not be read or written: missing (or its directory), a directory, or the system's error code. */
export type FileProblem = 'missing' | 'directory' | { readonly code: string };

/** A file system error as a FileProblem, for a message that names it rather than quoting the system's text. */
export function fileProblemOf(error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'directory' : { code: String(code ?? error) };
}
