// The store document as a zod schema, for validating a file on load and every update before it is
// written. Objects are loose (unknown keys are kept): a section its owner extends compatibly must not
// make an existing file look corrupt. Stored topologies are re-validated with the topology schema.

import * as z from 'zod/v4';
import type { Verdict } from '../engine/diagnosis.js';
import { LANGS, langSettingSchema } from '../i18n/lang.js';
import type { SyncFailureKind } from './data.js';

const VERDICTS = ['reachable', 'unreachable', 'uncertain'] as const satisfies readonly Verdict[];

const text = z.string();
/** When a time cannot be read: the oldest, so a sync falls due and a freshness says how old. */
export const UNREADABLE_TIME = '1970-01-01T00:00:00.000Z';

/**
 * A time reachbot wrote (ISO 8601). One that does not parse, from a hand edit, reads as UNREADABLE_TIME: taken as it
 * was, it made a sync's timer fire every millisecond without running (NaN is never due) and App Home and sync
 * freshness throw RangeError on rendering it; as the epoch, the sync runs and writes a real time back.
 */
const isoTime = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)))
  .catch(UNREADABLE_TIME);

export const questionSchema = z.looseObject({
  cluster: z.string().min(1),
  workload: z.string().min(1).nullable(),
  destination: z.string().min(1),
  protocol: z.enum(['tcp', 'udp', 'icmp']).optional(),
  port: z.number().int().min(1).max(65535).optional(),
});

/** A stored topology entry; its `topology` is checked separately with validateTopology. */
export const storedTopologyEntrySchema = z.looseObject({
  name: z.string().min(1),
  topology: z.unknown(),
  importedAt: isoTime,
  importedBy: text.optional(),
  source: text.optional(),
});

const threadSchema = z.looseObject({
  topology: text,
  question: questionSchema,
  updatedAt: isoTime,
  lang: z.enum(LANGS).optional(),
});

const auditSchema = z.looseObject({
  at: isoTime,
  user: text,
  channel: text,
  action: text,
  target: text,
  outcome: z.enum(['ok', 'refused', 'failed']),
  detail: text.optional(),
});

const watchSchema = z.looseObject({
  id: z.string().min(1),
  channel: text,
  topology: text,
  question: questionSchema,
  label: text.optional(),
  createdBy: text,
  createdAt: isoTime,
  last: z.looseObject({ verdict: z.enum(VERDICTS), at: isoTime, fingerprint: text.optional() }).optional(),
});

const scheduleSchema = z.looseObject({
  channel: text,
  cron: z.string().min(1),
  spec: text,
  timezone: z.string().min(1),
  mode: z.enum(['always', 'on-change']),
  lastRunAt: isoTime.optional(),
});

const FAILURE_KINDS = [
  'expired-key',
  'forbidden',
  'throttled',
  'service-missing',
  'unreachable',
  'partial',
  'invalid',
  'error',
] as const satisfies readonly SyncFailureKind[];

const syncSourceSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('huaweicloud'),
    region: z.string().min(1),
    projectId: z.string().min(1).optional(),
    vpcIds: z.array(z.string().min(1)).optional(),
  }),
  z.looseObject({ kind: z.literal('terraform-file'), path: z.string().min(1) }),
  z.looseObject({ kind: z.literal('terraform-url'), url: z.string().min(1) }),
]);

const syncSchema = z.looseObject({
  topology: z.string().min(1),
  source: syncSourceSchema,
  intervalMs: z.number().int().min(60_000),
  nextRunAt: isoTime,
  lastRunAt: isoTime.optional(),
  lastSuccessAt: isoTime.optional(),
  lastChangeAt: isoTime.optional(),
  lastFailure: z
    .looseObject({
      at: isoTime,
      kind: z.enum(FAILURE_KINDS),
      message: text,
      text: z.object({ en: text, zh: text }).optional(),
    })
    .optional(),
  failures: z.number().int().min(0),
  failurePosted: z.boolean().optional(),
  createdBy: text.optional(),
  // Added later, compatibly: a sync without them reads no Kubernetes side.
  kubernetes: z
    .array(
      z.looseObject({
        cluster: z.string().min(1),
        context: z.string().min(1).optional(),
        inCluster: z.boolean().optional(),
      }),
    )
    .optional(),
  kubernetesFailures: z.array(z.looseObject({ cluster: z.string().min(1), at: isoTime, message: text })).optional(),
});

/** Every section but the topologies' contents, which need the topology validator. */
export const storeDataSchema = z.looseObject({
  schemaVersion: z.literal(1),
  topologies: z.record(z.string(), z.unknown()),
  defaultTopology: z.string().min(1).optional(),
  threads: z.record(z.string(), threadSchema),
  audit: z.array(auditSchema),
  deliveries: z.record(z.string(), z.number()),
  watches: z.array(watchSchema),
  schedules: z.record(z.string(), scheduleSchema),
  // Added after v1 shipped: a file without it has no syncs (no migration needed, nothing else changes).
  syncs: z.record(z.string(), syncSchema).default({}),
  // Added later the same way: a file without it has every channel in the workspace default language.
  channelLangs: z.record(z.string(), z.enum(LANGS)).default({}),
  // Added later still, the same way: each Slack user's language (`lang zh|en|auto`), by user id.
  languages: z.record(z.string(), langSettingSchema).default({}),
});
