// Typed errors for topology input, each issue located by its path in the document.
import { EN, type I18n } from '../i18n/i18n.js';
import { type Localized, localized, type Message } from '../i18n/message.js';
import { topologyIssues as T } from '../i18n/messages/topology-issues.js';

/** One problem in a topology document: where (a path like `clusters[0].containerCidrs[1]`) and what. */
export interface TopologyIssue {
  readonly path: string;
  /** What is wrong, in English (logs, JSON output, and every language's fallback). */
  readonly message: string;
  /**
   * What is wrong in every language, written when the issue is found: issues cross a worker thread and are kept
   * before anyone knows who will read them, so they carry text, not a function.
   */
  readonly text?: Localized;
  /** 1-based line in the source text, when the document came from text. */
  readonly line?: number;
}

/** An issue from a catalog message. */
export function issueOf<P>(path: string, message: Message<P>, params: P): TopologyIssue {
  const text = localized(message, params);
  return { path, message: text.en, text };
}

/** What an issue says, in the reader's language. */
export function issueText(issue: TopologyIssue, text: I18n = EN): string {
  return issue.text ? text.pick(issue.text) : issue.message;
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

/** Issues as lines a person can read: `file:line: path: message`, in the reader's language. */
export function formatIssues(issues: readonly TopologyIssue[], source?: string, text: I18n = EN): string {
  const lines = issues.map((issue) => {
    const where = [source, issue.line].filter((part) => part !== undefined).join(':');
    const path = issue.path ? `${issue.path}: ` : '';
    return `${where ? `${where}: ` : ''}${path}${issueText(issue, text)}`;
  });
  return lines.length === 1
    ? lines[0]!
    : `${text.t(T['topology.issues.count'], { count: issues.length })}\n${lines.map((l) => `  ${l}`).join('\n')}`;
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
