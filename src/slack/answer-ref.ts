// What a button on an answer carries: a compact reference to the question (topology + question + format),
// never the diagnosis itself, so it stays far below Slack's 2000-character button value limit and a click
// always re-reads the current topology.

import * as z from 'zod/v4';
import { LANGS, type Lang } from '../i18n/lang.js';
import type { Question } from '../question/question.js';
import { SLACK_LIMITS } from '../render/mrkdwn.js';

/** Slack's limit for a button `value`. */
export const BUTTON_VALUE_LIMIT = SLACK_LIMITS.maxButtonValue;

export interface AnswerRef {
  readonly topology: string;
  readonly question: Question;
  /** The language the answer was in, so that a click answers in it again. */
  readonly lang?: Lang;
}

const refSchema = z.object({
  v: z.literal(1),
  t: z.string().min(1).max(200),
  q: z.object({
    c: z.string().min(1).max(200),
    w: z.string().max(300).nullable(),
    d: z.string().min(1).max(300),
    p: z.enum(['tcp', 'udp', 'icmp']).optional(),
    n: z.number().int().min(0).max(65535).optional(),
  }),
  l: z.enum(LANGS).optional(),
});

/** The button value for an answer; throws if it would not fit (names are bounded, so it never should). */
export function encodeAnswerRef(ref: AnswerRef): string {
  const { cluster, workload, destination, protocol, port } = ref.question;
  const value = JSON.stringify({
    v: 1,
    t: ref.topology,
    q: {
      c: cluster,
      w: workload,
      d: destination,
      ...(protocol ? { p: protocol } : {}),
      ...(port !== undefined ? { n: port } : {}),
    },
    ...(ref.lang && ref.lang !== 'en' ? { l: ref.lang } : {}),
  });
  if (value.length > BUTTON_VALUE_LIMIT)
    throw new Error(`answer reference is ${value.length} chars, over ${BUTTON_VALUE_LIMIT}`);
  return value;
}

/** The reference in a button value, or null when it is not one of ours (validated: it came from Slack). */
export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (!value) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = refSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { t, q, l } = parsed.data;
  const question: Question = {
    cluster: q.c,
    workload: q.w,
    destination: q.d,
    ...(q.p ? { protocol: q.p } : {}),
    ...(q.n !== undefined ? { port: q.n } : {}),
  };
  return { topology: t, question, ...(l ? { lang: l } : {}) };
}
