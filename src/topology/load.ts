// Turning text or data into a validated Topology: YAML or JSON in, located issues out.
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import * as z from 'zod/v4';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { noMeter, type WorkMeter } from '../bounds/meter.js';
import { once } from '../bounds/remembered.js';
import { type Localized, localized } from '../i18n/message.js';
import { topologyIssues as T, type ValueShape, ZOD_ORIGIN_ZH } from '../i18n/messages/topology-issues.js';
import { compileParser } from './compiled-parser.js';
import { formatPath, issueOf, type TopologyIssue } from './errors.js';
import { SCHEMA_TEXTS, type Topology, topologySchema } from './schema.js';
import { checkReferences } from './validate.js';

export type TopologyResult = { ok: true; topology: Topology } | { ok: false; issues: TopologyIssue[] };

/** Issues reported for one document; a file with more gets these and a line saying how many more. */
export const MAX_REPORTED_ISSUES = 1000;

/**
 * Text length from which a document is validated by zod's compiled parser rather than its runtime parser. Generating
 * the compiled parser costs about 40 ms, which a 15 KB file never earns back (28 ms with the runtime parser, 50 with
 * the compiled one, generation included); at 650 KB the compiled parser already takes half the time (about 55 ms
 * against 125).
 */
export const COMPILED_FROM_CHARS = 128 * 1024;

/**
 * The topology schema with zod's compiled parser installed: straight-line code generated from the schema, which
 * validates the large synthetic topology in about half the time of zod's runtime parser. A document it would reject
 * is parsed again by the runtime parser, so the issues are the same (test/topology/compiled-schema.test.ts). This is
 * what z.compile does, minus the second, output-free validator z.compile also generates for zod's `validate`, which
 * reachbot never calls: that one took half of the generation time; and with its optional fields as blocks rather than
 * functions (compiled-parser.ts). `compileFn` is exported by zod/v4/core but documented as internal: a zod update
 * that drops it fails the type check, and the lock file pins the version.
 * Generated on first use, not at import: most commands never validate a document.
 */
export const compiledTopologySchema = once(() => z.withParser(topologySchema, compileParser(topologySchema)));

/**
 * Validate data already parsed from YAML or JSON (schema, then references). `chars` is the length of the text the
 * data came from, when known: a small document is checked without generating the compiled parser.
 */
export function validateTopology(
  input: unknown,
  meter: WorkMeter = noMeter,
  chars = Number.POSITIVE_INFINITY,
): TopologyResult {
  const schema = chars >= COMPILED_FROM_CHARS ? compiledTopologySchema() : topologySchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): TopologyIssue => {
      const text = localizeIssue(issue, valueAt(input, issue.path));
      return { path: formatPath(issue.path), message: text.en, text };
    });
    return { ok: false, issues: capIssues(dedupe(issues)) };
  }
  const refIssues = checkReferences(parsed.data, meter);
  return refIssues.length ? { ok: false, issues: capIssues(refIssues) } : { ok: true, topology: parsed.data };
}

function capIssues(issues: TopologyIssue[]): TopologyIssue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  const more = issues.length - MAX_REPORTED_ISSUES;
  return [...issues.slice(0, MAX_REPORTED_ISSUES), issueOf('', T['topology.issues.more'], { more })];
}

/** How many values a document may expand to: YAML aliases share nodes, so a small text can stand for billions. */
export const MAX_TOPOLOGY_VALUES = 20_000_000;
/**
 * Values per character of text a document may expand to. Without aliases every value takes at least one
 * character, so real files stay under 1; a few KB of aliases expanding to millions of values is refused.
 */
export const MAX_EXPANSION_RATIO = 10;
/** Values any document may have whatever its length (so a tiny file with a few aliases still loads). */
export const MIN_VALUE_ALLOWANCE = 10_000;

/** The most values a text of `length` characters may expand to. */
export function valueAllowance(length: number): number {
  return Math.min(MAX_TOPOLOGY_VALUES, MIN_VALUE_ALLOWANCE + MAX_EXPANSION_RATIO * length);
}

export interface ParseOptions {
  /**
   * Called once a YAML text has become data, before that data is checked. The YAML parser leaves most of its work as
   * garbage that the runtime collects only later: a process that cares about its peak memory collects it here.
   */
  readonly afterYaml?: () => void;
}

/**
 * Parse topology text (YAML or JSON; JSON is YAML) and validate it, locating issues by line.
 * A JSON text is read with JSON.parse; js-yaml builds YAML data fast (a large topology is tens of MB); only when validation fails is the text
 * parsed again with `yaml`, whose document keeps source positions, to give each issue its line.
 */
export function parseTopology(text: string, meter: WorkMeter = noMeter, options: ParseOptions = {}): TopologyResult {
  let data: unknown = parseJsonFast(text);
  const fromYaml = data === NOT_JSON;
  try {
    if (fromYaml) {
      data = loadYaml(text, { schema: CORE_SCHEMA, maxAliases: 1000 });
      options.afterYaml?.();
    }
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return {
      ok: false,
      issues: [
        {
          ...issueOf('', T['topology.issue.yaml-syntax'], { reason: error.reason }),
          ...(error.mark ? { line: error.mark.line + 1 } : {}),
        },
      ],
    };
  }
  const allowance = valueAllowance(text.length);
  // JSON has no aliases: each of its values takes at least one character of the text, so it cannot amplify.
  if (fromYaml && exceedsValues(data, allowance, meter)) {
    return {
      ok: false,
      issues: [
        issueOf('', T['topology.issue.amplified'], {
          allowance,
          length: text.length,
          ratio: MAX_EXPANSION_RATIO,
        }),
      ],
    };
  }
  const result = validateTopology(data, meter, text.length);
  if (result.ok) return result;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return {
    ok: false,
    issues: result.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents, issue.path, lineCounter) })),
  };
}

const NOT_JSON = Symbol('not JSON');

/**
 * A JSON document parsed by `JSON.parse` (ten times faster than a YAML parser on a large topology, and without its
 * intermediate objects), or NOT_JSON for anything else. A JSON text that does not parse, or that repeats a key in one
 * object (which JSON.parse would silently resolve), goes to the YAML parser, which locates the problem.
 */
function parseJsonFast(text: string): unknown {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^\s*\{/.test(text.slice(start, start + 64))) return NOT_JSON;
  const json = start ? text.slice(start) : text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return NOT_JSON;
  }
  // A repeated key leaves the parsed objects with fewer keys than the text wrote. Counting both is linear and
  // allocates nothing: a 15 MB topology takes about 45 ms, against 130 for a set of keys per object.
  return keysWritten(json) === keysParsed(data) ? data : NOT_JSON;
}

/** How many keys a JSON text that parsed writes: in valid JSON, exactly the strings followed by a colon. */
function keysWritten(json: string): number {
  let keys = 0;
  for (let open = json.indexOf('"'); open !== -1; ) {
    let close = json.indexOf('"', open + 1);
    // Skip escaped quotes: a quote preceded by an odd number of backslashes.
    for (;;) {
      let slashes = 0;
      while (json.charCodeAt(close - 1 - slashes) === 0x5c) slashes += 1;
      if (slashes % 2 === 0) break;
      close = json.indexOf('"', close + 1);
    }
    // Text that parsed always closes its strings; the guard keeps a mistake here from looping forever.
    if (close === -1) break;
    let next = close + 1;
    let c = json.charCodeAt(next);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = json.charCodeAt(++next);
    if (c === 0x3a /* : */) keys += 1;
    open = json.indexOf('"', next);
  }
  return keys;
}

/** How many keys the objects of parsed JSON hold (JSON.parse makes every key an own property, `__proto__` too). */
function keysParsed(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  let keys = 0;
  const pending: object[] = [data];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next)) {
      for (const child of next) if (typeof child === 'object' && child !== null) pending.push(child);
    } else {
      const record = next as Record<string, unknown>;
      for (const key in record) {
        keys += 1;
        const child = record[key];
        if (typeof child === 'object' && child !== null) pending.push(child);
      }
    }
  }
  return keys;
}

/** Whether walking `value` (aliases expanded) visits more than `limit` values; stops as soon as it does. */
function exceedsValues(value: unknown, limit: number, meter: WorkMeter): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    meter.tick();
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

export type ZodIssueLike = {
  code: string;
  message: string;
  keys?: readonly PropertyKey[];
  expected?: unknown;
  input?: unknown;
  origin?: string;
  path?: readonly PropertyKey[];
  params?: Record<string, unknown>;
  errors?: readonly (readonly ZodIssueLike[])[];
};

/** Zod's own Chinese wording, for the checks whose message reachbot does not write itself. */
const ZOD_ZH = zhCN().localeError;

/** Texts given to the schema's own checks, by their English text. */
const SCHEMA_TEXT_BY_EN = new Map(SCHEMA_TEXTS.map((text) => [text.en, text]));

/**
 * A zod issue in every language: reachbot's wording for types, required and unknown keys; the text a custom check
 * carried (`params.text`) or that a check was given (`known`, by its English text); else zod's own zh-CN wording.
 */
export function localizeIssue(
  issue: ZodIssueLike,
  value: unknown,
  known: ReadonlyMap<string, Localized> = SCHEMA_TEXT_BY_EN,
): Localized {
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return localized(T['topology.issue.unknown-keys'], { keys: issue.keys.map(String) });
  // A literal's or enum's own message ("must be 1") would hide that the key is simply missing.
  if (value === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code))
    return localized(T['topology.issue.required'], undefined);
  if (issue.code === 'invalid_type')
    return localized(T['topology.issue.wrong-type'], { expected: String(issue.expected), value: shapeOf(value) });
  const form = issue.code === 'invalid_union' ? onlyFormOfItsType(issue.errors ?? []) : undefined;
  if (form) return localizeIssue(form, value, known);
  const carried = issue.params?.text as Localized | undefined;
  if (carried) return carried;
  const given = known.get(issue.message) ?? SCHEMA_TEXT_BY_EN.get(issue.message);
  if (given) return given;
  const said = ZOD_ZH(issue as Parameters<typeof ZOD_ZH>[0]);
  const zh = typeof said === 'string' ? said : (said?.message ?? issue.message);
  // The locale names the kind of value of a size check in English ("期望 string >=1 字符"): say it in Chinese.
  const origin = issue.origin === undefined ? undefined : ZOD_ORIGIN_ZH[issue.origin];
  return { en: issue.message, zh: origin ? zh.replace(`期望 ${issue.origin} `, `期望 ${origin} `) : zh };
}

/**
 * What the one form of a union that takes a value of this type says about it ("smtp" is no protocol name: the
 * protocol list; "prod" is a string but no CIDR): zod's "Invalid input" hides it. None when several forms take
 * such a value (a mapping for `remote`), or its complaint is about something inside the value: naming one form or
 * one key there would mislead, so "Invalid input" stays.
 */
function onlyFormOfItsType(forms: readonly (readonly ZodIssueLike[])[]): ZodIssueLike | undefined {
  const fitting = forms.filter(
    (issues) => !(issues.length === 1 && issues[0]!.code === 'invalid_type' && !issues[0]!.path?.length),
  );
  const only = fitting.length === 1 && fitting[0]!.length === 1 ? fitting[0]![0]! : undefined;
  return only && !only.path?.length ? only : undefined;
}

function shapeOf(value: unknown): ValueShape {
  if (value === null) return { shape: 'null' };
  if (Array.isArray(value)) return { shape: 'list' };
  if (typeof value === 'object') return { shape: 'mapping' };
  const json = JSON.stringify(value) ?? String(value);
  if (typeof value === 'string') return { shape: 'string', json };
  if (typeof value === 'number') return { shape: 'number', json };
  if (typeof value === 'boolean') return { shape: 'boolean', json };
  return { shape: 'other', json };
}

/** The value at a zod issue path in the raw input (undefined when absent). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
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
