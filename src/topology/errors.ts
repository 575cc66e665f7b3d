// Typed errors for topology input, each issue located by its path in the document.

/** One problem in a topology document: where (a path like `clusters[0].containerCidrs[1]`) and what. */
export interface TopologyIssue {
  readonly path: string;
  readonly message: string;
  /** 1-based line in the source text, when the document came from text. */
  readonly line?: number;
}

/** A topology that failed to parse or validate; `issues` lists every problem found. */
export class TopologyError extends Error {
  readonly code = 'reachbot_topology_invalid';
  constructor(
    readonly issues: readonly TopologyIssue[],
    readonly source?: string,
  ) {
    super(formatIssues(issues, source));
    this.name = 'TopologyError';
  }
}

/** Issues as lines a person can read: `file:line: path: message`. */
export function formatIssues(issues: readonly TopologyIssue[], source?: string): string {
  const lines = issues.map((issue) => {
    const where = [source, issue.line].filter((part) => part !== undefined).join(':');
    const path = issue.path ? `${issue.path}: ` : '';
    return `${where ? `${where}: ` : ''}${path}${issue.message}`;
  });
  return lines.length === 1 ? lines[0]! : `${issues.length} problems:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** Render a zod-style path ["clusters", 0, "containerCidrs", 1] as `clusters[0].containerCidrs[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
