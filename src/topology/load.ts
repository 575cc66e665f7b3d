// Turning text or data into a validated Topology: YAML or JSON in, located issues out.
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { formatPath, type TopologyIssue } from './errors.js';
import { type Topology, topologySchema } from './schema.js';
import { checkReferences } from './validate.js';

export type TopologyResult = { ok: true; topology: Topology } | { ok: false; issues: TopologyIssue[] };

/** Validate data already parsed from YAML or JSON (schema, then references). */
export function validateTopology(input: unknown): TopologyResult {
  const parsed = topologySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: describeIssue(issue),
    }));
    return { ok: false, issues: dedupe(issues) };
  }
  const refIssues = checkReferences(parsed.data);
  return refIssues.length ? { ok: false, issues: refIssues } : { ok: true, topology: parsed.data };
}

/** Parse topology text (YAML or JSON; JSON is YAML) and validate it, locating issues by line. */
export function parseTopology(text: string): TopologyResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: '',
        message: error.message.split('\n')[0] ?? error.message,
        line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
      })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const result = validateTopology(data);
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents, issue.path, lineCounter) })),
  };
}

function lineOf(root: unknown, path: string, counter: LineCounter): number | undefined {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let node = root as Node | null | undefined;
  let last: Node | null | undefined = node;
  for (const part of parts) {
    if (isMap(node)) node = node.get(part, true) as Node | undefined;
    else if (isSeq(node)) node = node.get(Number(part), true) as Node | undefined;
    else break;
    if (node) last = node;
    else break;
  }
  const offset = last?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

type ZodIssueLike = {
  code: string;
  message: string;
  keys?: readonly PropertyKey[];
  expected?: unknown;
  input?: unknown;
};

function describeIssue(issue: ZodIssueLike): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${String(k)}"`).join(', ')} (unknown keys are rejected so that a typo never changes a verdict)`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

function dedupe(issues: TopologyIssue[]): TopologyIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
