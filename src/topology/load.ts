// Turning text or data into a validated Topology: YAML or JSON in, located issues out.
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
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
      message: describeIssue(issue, valueAt(input, issue.path)),
    }));
    return { ok: false, issues: dedupe(issues) };
  }
  const refIssues = checkReferences(parsed.data);
  return refIssues.length ? { ok: false, issues: refIssues } : { ok: true, topology: parsed.data };
}

/** How many values a document may expand to: YAML aliases share nodes, so a small text can stand for billions. */
export const MAX_TOPOLOGY_VALUES = 20_000_000;

/**
 * Parse topology text (YAML or JSON; JSON is YAML) and validate it, locating issues by line.
 * js-yaml builds the data fast (a large topology is tens of MB); only when validation fails is the text
 * parsed again with `yaml`, whose document keeps source positions, to give each issue its line.
 */
export function parseTopology(text: string): TopologyResult {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA, maxAliases: 1000 });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      ok: false,
      issues: [{ path: '', message: error.reason, ...(error.mark ? { line: error.mark.line + 1 } : {}) }],
    };
  }
  if (exceedsValues(data, MAX_TOPOLOGY_VALUES)) {
    return {
      ok: false,
      issues: [
        { path: '', message: `the document expands to more than ${MAX_TOPOLOGY_VALUES} values (YAML aliases?)` },
      ],
    };
  }
  const result = validateTopology(data);
  if (result.ok) return result;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return {
    ok: false,
    issues: result.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents, issue.path, lineCounter) })),
  };
}

/** Whether walking `value` (aliases expanded) visits more than `limit` values; stops as soon as it does. */
function exceedsValues(value: unknown, limit: number): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (--budget < 0) return true;
    if (typeof next === 'object' && next !== null) {
      for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push(child);
    }
  }
  return false;
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

function describeIssue(issue: ZodIssueLike, value: unknown): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${String(k)}"`).join(', ')} (unknown keys are rejected so that a typo never changes a verdict)`;
  }
  // A literal's or enum's own message ("must be 1") would hide that the key is simply missing.
  if (value === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code))
    return 'is required';
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${String(issue.expected)}`;
    return `must be ${expected}, not ${describeValue(value)}`;
  }
  return issue.message;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

/** The value at a zod issue path in the raw input (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
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
