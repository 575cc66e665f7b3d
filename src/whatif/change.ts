// The change format of `reachbot whatif --change FILE` (docs/WHATIF.md): a small list of edits to a topology
// (add or remove a security-group rule, a route, a whitelist entry, a peering; set a peering's state),
// validated with zod and located by line. Rule, route and peering bodies use the topology format's own schema.
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import * as z from 'zod/v4';
import type { FixSpec } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { type Localized, localized } from '../i18n/message.js';
import { topologyIssues as T } from '../i18n/messages/topology-issues.js';
import { whatifErrors as W } from '../i18n/messages/whatif-errors.js';
import { formatPath, issueText, type TopologyIssue } from '../topology/errors.js';
import { localizeIssue, valueAt, type ZodIssueLike } from '../topology/load.js';
import {
  addressOrCidrSchema,
  PEERING_STATUSES,
  type Peering,
  type Route,
  type SecurityGroupRule,
  topologySchema,
} from '../topology/schema.js';

/** The texts given to this schema's checks, by their English text (zod keeps only the English one). */
const KNOWN_TEXTS: ReadonlyMap<string, Localized> = new Map(
  [
    localized(T['topology.issue.not-empty'], undefined),
    localized(W['whatif.one-rule-name'], undefined),
    localized(W['whatif.table-or-vpc'], undefined),
  ].map((text) => [text.en, text]),
);
const OP_TEXT = () => localized(W['whatif.op'], { ops: CHANGE_OPS });

const id = z.string().min(1, T['topology.issue.not-empty'].en());
const ruleBody = z.record(z.string(), z.unknown());

const changeSchema = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ op: z.literal('add-rule'), securityGroup: id, rule: ruleBody }),
    z
      .strictObject({
        op: z.literal('remove-rule'),
        securityGroup: id,
        /** 1-based position in the group's rules as the topology lists them ("rule #3"). */
        index: z.number().int().min(1).optional(),
        ruleId: id.optional(),
        /** A rule equal to this one (direction, protocol, ports, remote, action, priority, ethertype). */
        rule: ruleBody.optional(),
      })
      .refine((c) => [c.index, c.ruleId, c.rule].filter((v) => v !== undefined).length === 1, {
        message: W['whatif.one-rule-name'].en(),
      }),
    z
      .strictObject({ op: z.literal('add-route'), routeTable: id.optional(), vpc: id.optional(), route: ruleBody })
      .refine((c) => (c.routeTable === undefined) !== (c.vpc === undefined), {
        message: W['whatif.table-or-vpc'].en(),
      }),
    z
      .strictObject({
        op: z.literal('remove-route'),
        routeTable: id.optional(),
        vpc: id.optional(),
        destination: addressOrCidrSchema,
      })
      .refine((c) => (c.routeTable === undefined) !== (c.vpc === undefined), {
        message: W['whatif.table-or-vpc'].en(),
      }),
    z.strictObject({
      op: z.literal('add-whitelist-entry'),
      resource: id,
      group: id.optional(),
      address: addressOrCidrSchema,
    }),
    z.strictObject({
      op: z.literal('remove-whitelist-entry'),
      resource: id,
      group: id.optional(),
      address: addressOrCidrSchema,
    }),
    z.strictObject({ op: z.literal('set-peering'), peering: id, status: z.enum(PEERING_STATUSES) }),
    z.strictObject({ op: z.literal('add-peering'), peering: ruleBody }),
    z.strictObject({ op: z.literal('remove-peering'), peering: id }),
  ],
  {
    error: (issue) => (issue.code === 'invalid_union' ? OP_TEXT().en : issue.message),
  },
);

export const CHANGE_OPS = [
  'add-rule',
  'remove-rule',
  'add-route',
  'remove-route',
  'add-whitelist-entry',
  'remove-whitelist-entry',
  'set-peering',
  'add-peering',
  'remove-peering',
] as const;

const changeList = z.array(changeSchema).min(1, 'list at least one change');
const documentObject = z.strictObject({ changes: changeList });

type RawChange = z.output<typeof changeSchema>;

/** One edit to a topology. `at` is where it came from (a line of a file, a plan's resource address). */
export type Change = (
  | { readonly op: 'add-rule'; readonly securityGroup: string; readonly rule: SecurityGroupRule }
  | {
      readonly op: 'remove-rule';
      readonly securityGroup: string;
      readonly index?: number;
      readonly ruleId?: string;
      readonly rule?: SecurityGroupRule;
    }
  | { readonly op: 'add-route'; readonly routeTable?: string; readonly vpc?: string; readonly route: Route }
  | { readonly op: 'remove-route'; readonly routeTable?: string; readonly vpc?: string; readonly destination: string }
  | { readonly op: 'add-whitelist-entry'; readonly resource: string; readonly group?: string; readonly address: string }
  | {
      readonly op: 'remove-whitelist-entry';
      readonly resource: string;
      readonly group?: string;
      readonly address: string;
    }
  | { readonly op: 'set-peering'; readonly peering: string; readonly status: Peering['status'] & string }
  | { readonly op: 'add-peering'; readonly peering: Peering }
  | { readonly op: 'remove-peering'; readonly peering: string }
  | { readonly op: 'apply-fixes'; readonly fixes: readonly FixSpec[] }
) & { readonly at?: string };

/** A change document that is not valid; each issue is located by path and, from text, by line. */
export class ChangeError extends Error {
  readonly code = 'reachbot_change_invalid';
  constructor(
    readonly issues: readonly TopologyIssue[],
    readonly source?: string,
  ) {
    super(describeChangeIssues(issues, source, EN));
    this.name = 'ChangeError';
  }

  /** Every issue as a located line, in the reader's language. */
  describe(text: I18n): string {
    return describeChangeIssues(this.issues, this.source, text);
  }
}

function describeChangeIssues(issues: readonly TopologyIssue[], source: string | undefined, text: I18n): string {
  return issues
    .map(
      (i) =>
        `${[source, i.line].filter((p) => p !== undefined).join(':') || 'change'}: ${i.path ? `${i.path}: ` : ''}${issueText(i, text)}`,
    )
    .join('\n');
}

/** A zod issue of a change document: English as zod wrote it, the other languages from our texts or zod's. */
function changeIssue(issue: ZodIssueLike, path: string, value?: unknown): TopologyIssue {
  const translated = issue.message === OP_TEXT().en ? OP_TEXT() : localizeIssue(issue, value, KNOWN_TEXTS);
  return { path, message: issue.message, text: { ...translated, en: issue.message } };
}

// Rule, route and peering bodies are checked by the topology schema itself, through a one-object document.

// A union's own message ("Invalid input") hides the useful one of its first branch (a CIDR's, say).
function explain(issue: {
  code: string;
  message: string;
  errors?: readonly (readonly { code: string; message: string }[])[];
}): string {
  if (issue.code !== 'invalid_union' || !issue.errors) return issue.message;
  const custom = issue.errors.flat().find((inner) => inner.code === 'custom');
  return custom?.message ?? issue.message;
}

function viaTopology<T>(
  wrap: (body: unknown) => unknown,
  pick: (t: z.output<typeof topologySchema>) => T,
  body: unknown,
  path: (string | number)[],
  strip: number,
): T | TopologyIssue[] {
  const document = wrap(body);
  const parsed = topologySchema.safeParse(document);
  if (parsed.success) return pick(parsed.data);
  return parsed.error.issues.map((issue) => {
    const at = formatPath([...path, ...issue.path.slice(strip)]);
    const text = localizeIssue(issue, valueAt(document, issue.path));
    return { path: at, message: explain(issue), text: { ...text, en: explain(issue) } };
  });
}

/** Normalize a rule body with the topology format's schema ("ports: 3306" → "3306", CIDRs canonical). */
export function normalizeRule(
  body: unknown,
  path: (string | number)[] = ['rule'],
): SecurityGroupRule | TopologyIssue[] {
  return viaTopology(
    (rule) => ({ version: 1, securityGroups: [{ id: 'x', rules: [rule] }] }),
    (t) => t.securityGroups![0]!.rules![0]!,
    body,
    path,
    4,
  );
}

/** Normalize a route body with the topology format's schema. */
export function normalizeRoute(body: unknown, path: (string | number)[] = ['route']): Route | TopologyIssue[] {
  return viaTopology(
    (route) => ({ version: 1, vpcs: [{ id: 'x', cidr: '10.0.0.0/8', routeTables: [{ id: 'x', routes: [route] }] }] }),
    (t) => t.vpcs![0]!.routeTables![0]!.routes![0]!,
    body,
    path,
    6,
  );
}

function normalizePeering(body: unknown, path: (string | number)[]): Peering | TopologyIssue[] {
  return viaTopology(
    (peering) => ({ version: 1, peerings: [peering] }),
    (t) => t.peerings![0]!,
    body,
    path,
    2,
  );
}

/** Turn validated raw changes into Changes, normalizing bodies; issues are collected, not thrown. */
function normalize(
  raw: readonly RawChange[],
  prefix: (string | number)[],
): { changes: Change[]; issues: TopologyIssue[] } {
  const changes: Change[] = [];
  const issues: TopologyIssue[] = [];
  raw.forEach((change, index) => {
    const at = [...prefix, index];
    const take = <T>(value: T | TopologyIssue[], use: (v: T) => Change) => {
      if (Array.isArray(value)) issues.push(...value);
      else changes.push(use(value));
    };
    switch (change.op) {
      case 'add-rule':
        take(normalizeRule(change.rule, [...at, 'rule']), (rule) => ({ ...change, rule }));
        break;
      case 'remove-rule':
        if (change.rule) take(normalizeRule(change.rule, [...at, 'rule']), (rule) => ({ ...change, rule }));
        else changes.push({ ...change, rule: undefined } as Change);
        break;
      case 'add-route':
        take(normalizeRoute(change.route, [...at, 'route']), (route) => ({ ...change, route }));
        break;
      case 'add-peering':
        take(normalizePeering(change.peering, [...at, 'peering']), (peering) => ({ ...change, peering }));
        break;
      default:
        changes.push(change as Change);
    }
  });
  return { changes: changes.map(dropUndefined), issues };
}

function dropUndefined(change: Change): Change {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Change;
}

/** Validate parsed data (a list of changes, or `{ changes: [...] }`). Throws ChangeError. */
export function validateChanges(data: unknown, source?: string): Change[] {
  // A bare list, or a mapping with `changes:`; each checked on its own so that issues point inside it.
  const parsed = Array.isArray(data)
    ? changeList.safeParse(data)
    : documentObject.transform((d) => d.changes).safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => changeIssue(issue, formatPath(issue.path)));
    throw new ChangeError(issues, source);
  }
  const { changes, issues } = normalize(parsed.data, Array.isArray(data) ? [] : ['changes']);
  if (issues.length) throw new ChangeError(issues, source);
  return changes;
}

/** Parse a change document (YAML or JSON text); every problem is located by line. Throws ChangeError. */
export function parseChanges(text: string, source?: string): Change[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new ChangeError(
      [{ path: '', message: error.message.split('\n')[0]!, line: error.linePos?.[0]?.line }],
      source,
    );
  }
  let data: unknown;
  try {
    // The yaml library reports an alias to no anchor, or aliases past its expansion limit, only here.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ChangeError([{ path: '', message: error.message.split('\n')[0]! }], source);
  }
  try {
    const changes = validateChanges(data, source);
    const list = isMap(doc.contents) ? (doc.contents.get('changes', true) as Node | undefined) : doc.contents;
    return changes.map((change, index) => {
      const node = isSeq(list) ? (list.get(index, true) as Node | undefined) : undefined;
      const offset = node?.range?.[0];
      const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
      return { ...change, at: `${source ?? 'change'}${line ? `:${line}` : ''}` };
    });
  } catch (error) {
    if (!(error instanceof ChangeError)) throw error;
    throw new ChangeError(
      error.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents, issue.path, lineCounter) })),
      source,
    );
  }
}

function lineOf(root: unknown, path: string, counter: LineCounter): number | undefined {
  let node = root as Node | null | undefined;
  let last = node;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (isMap(node)) node = node.get(part, true) as Node | undefined;
    else if (isSeq(node)) node = node.get(Number(part), true) as Node | undefined;
    else break;
    if (!node) break;
    last = node;
  }
  const offset = last?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
