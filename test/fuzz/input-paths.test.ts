// Every input path against generated hostile input: no exception escapes but the path's own located error, and the
// work stays bounded (counted steps or capped input, never the clock). The question parser's own properties live in
// test/question (parse, hostile); Slack's HTTP edge in test/slack/http-guard. FUZZ_RUNS=5000 runs the properties
// longer when hunting (the default counts keep the suite fast).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { countingMeter } from '../../src/bounds/meter.js';
import {
  HuaweiCloudApiError,
  HuaweiCloudAuthError,
  ServiceUnavailableError,
} from '../../src/import/huaweicloud/client.js';
import { ImportSetupError, importHuaweiCloud } from '../../src/import/huaweicloud/index.js';
import { MAX_PAGES, ResponseShapeError } from '../../src/import/huaweicloud/read.js';
import { importTerraformState, TerraformStateError } from '../../src/import/terraform/index.js';
import { ACTION_IDS } from '../../src/render/actions.js';
import { decodeAnswerRef } from '../../src/slack/answer-ref.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { MAX_REPORTED_ISSUES, parseTopology, valueAllowance } from '../../src/topology/load.js';
import { ENV, PROJECT, REGION } from '../import/huaweicloud/replay.js';
import {
  postAction,
  postCommand,
  postEvent,
  recordSlack,
  seedTopology,
  sign,
  startTestApp,
  type TestApp,
  USER,
} from '../slack/helpers.js';

/** Replace the value at a pseudo-random position of a JSON tree (chosen by `at`) with `value`. */
function mutate(tree: unknown, at: number, value: unknown): unknown {
  const copy = structuredClone(tree);
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((child, i): [number, unknown] => [i, child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      slots.push({ parent: node as Record<string, unknown>, key });
      walk(child);
    }
  };
  walk(copy);
  if (slots.length === 0) return value;
  const slot = slots[at % slots.length]!;
  (slot.parent as Record<string | number, unknown>)[slot.key] = value;
  return copy;
}

const TOPOLOGY_TEXT = readFileSync(new URL('../slack/fixtures/prod.yaml', import.meta.url), 'utf8');
const TFSTATE = JSON.parse(
  readFileSync(new URL('../fixtures/import/terraform/prod.tfstate.json', import.meta.url), 'utf8'),
) as unknown;

describe('topology files', () => {
  it('any text: a topology or located issues, with work bounded by the text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      // The real file with a line replaced by generated text.
      fc.tuple(fc.nat(), fc.string({ maxLength: 60 })).map(([at, line]) => {
        const lines = TOPOLOGY_TEXT.split('\n');
        lines[at % lines.length] = line;
        return lines.join('\n');
      }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const meter = countingMeter();
        const result = parseTopology(input, meter);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          expect(result.issues.length).toBeLessThanOrEqual(MAX_REPORTED_ISSUES + 1);
          for (const issue of result.issues) expect(typeof issue.message).toBe('string');
        }
        // Values walked plus checks made: linear in the allowance the text's length buys.
        expect(meter.count).toBeLessThanOrEqual(20 * valueAllowance(input.length));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('Terraform states', () => {
  it('any JSON, or the real state with one value replaced: an import or a TerraformStateError', () => {
    const input = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => mutate(TFSTATE, at, value)),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(input, (state) => {
        try {
          const result = importTerraformState(state as string);
          expect(Array.isArray(result.warnings)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(TerraformStateError);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('regressions found by these properties', () => {
  it('a subnet whose IPv6 CIDR is blank or not a CIDR is imported without it, with a warning for the latter', () => {
    for (const [value, warned] of [
      [' ', false],
      ['2001:db8::/999', true],
    ] as const) {
      const state = structuredClone(TFSTATE) as {
        resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
      };
      const subnet = state.resources.find((r) => r.type === 'huaweicloud_vpc_subnet')!;
      subnet.instances[0]!.attributes.ipv6_cidr = value;
      const result = importTerraformState(state);
      const id = String(subnet.instances[0]!.attributes.id);
      const imported = (result.topology.vpcs ?? []).flatMap((v) => v.subnets ?? []).find((s) => s.id === id);
      expect(imported).toBeDefined();
      expect(imported?.ipv6Cidr).toBeUndefined();
      expect(result.warnings.some((w) => w.includes('IPv6 CIDR'))).toBe(warned);
    }
  });

  it('a state whose DCS port is not a port leaves that instance out with a warning', () => {
    const state = structuredClone(TFSTATE) as {
      resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
    };
    const dcs = state.resources.find((r) => r.type === 'huaweicloud_dcs_instance')!;
    dcs.instances[0]!.attributes.port = 5e-324;
    const result = importTerraformState(state);
    expect(result.warnings.join('\n')).toMatch(/huaweicloud_dcs_instance\.redis: attributes not understood \(port/);
  });
});

describe('Huawei Cloud API responses', () => {
  const seed = JSON.parse(
    readFileSync(new URL('../fixtures/import/huaweicloud/seed-responses.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  /** The seed body for a request URL (first page), or {}. */
  const seedFor = (url: URL) => {
    const service = url.hostname.split('.')[0];
    return seed[`${service} ${url.pathname}`] ?? seed[`${service} ${url.pathname}#1`] ?? {};
  };

  const IMPORT_ERRORS = [
    ImportSetupError,
    HuaweiCloudAuthError,
    HuaweiCloudApiError,
    ServiceUnavailableError,
    ResponseShapeError,
  ];

  it('any answer to any call: a topology, or an error the CLI reports; never a crash, never endless paging', async () => {
    const answer = fc.record({
      status: fc.constantFrom(200, 200, 200, 400, 401, 403, 404, 429, 500, 503),
      mutation: fc.option(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }))),
      raw: fc.option(fc.string({ maxLength: 40 }), { freq: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 30 }), async (answers) => {
        let calls = 0;
        const fakeFetch = (async (input: string | URL | Request) => {
          const url = new URL(String(input));
          const { status, mutation, raw } = answers[calls++ % answers.length]!;
          const body = mutation ? mutate(seedFor(url), mutation[0], mutation[1]) : seedFor(url);
          return new Response(raw ?? JSON.stringify(body), { status });
        }) as typeof fetch;
        try {
          const result = await importHuaweiCloud({
            region: REGION,
            projectId: PROJECT,
            env: ENV,
            sleep: async () => {},
            pageSize: 2,
            fetch: fakeFetch,
            now: () => new Date('2024-03-01T03:00:00Z'),
          });
          expect(result.topology.version).toBe(1);
        } catch (error) {
          // Only the importer's own errors, each with a message for the CLI: anything else (a TypeError, or an
          // assembled topology that does not validate) is a bug.
          expect(IMPORT_ERRORS.some((kind) => error instanceof kind)).toBe(true);
          expect(error instanceof Error && error.message.length > 0).toBe(true);
          if (error instanceof ImportSetupError) expect(error.message).toMatch(/project|region/);
        }
        // Paging stops: a bounded number of calls however the pages look.
        expect(calls).toBeLessThanOrEqual(20_000);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });
});

describe('Huawei Cloud paging', () => {
  it('stops a listing that answers full pages forever, with a warning', async () => {
    let dcsCalls = 0;
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input));
      if (url.hostname.startsWith('dcs.')) {
        dcsCalls++;
        const offset = Number(url.searchParams.get('offset'));
        const instance = (i: number) => ({
          instance_id: `i-${i}`,
          name: `r${i}`,
          engine: 'Redis',
          ip: '10.0.0.1',
          port: 6379,
        });
        return new Response(
          JSON.stringify({ instance_num: null, instances: [instance(offset), instance(offset + 1)] }),
        );
      }
      return new Response('{}', { status: 404 });
    }) as typeof fetch;
    const result = await importHuaweiCloud({
      region: REGION,
      projectId: PROJECT,
      env: ENV,
      sleep: async () => {},
      pageSize: 2,
      fetch: fakeFetch,
    });
    expect(dcsCalls).toBe(MAX_PAGES);
    expect(result.warnings.join('\n')).toMatch(/more than 10000 pages/);
  }, 120_000);
});

describe('Slack payloads and button values', () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    while (running.length) await running.pop()?.stop();
    nock.cleanAll();
  });

  async function started(): Promise<TestApp> {
    const store = new MemoryStore();
    await seedTopology(store);
    // A signed object Bolt cannot route (no command, event or interaction) waits for its 404: 3 s by default.
    const app = await startTestApp({ store, unhandledRequestTimeoutMs: 100 });
    running.push(app);
    return app;
  }

  it('decodes any button value to a reference or null', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc
            .record({ t: fc.string(), q: fc.record({ c: fc.string(), w: fc.option(fc.string()), d: fc.string() }) })
            .map((v) => JSON.stringify(v)),
        ),
        (value) => {
          const ref = decodeAnswerRef(value);
          if (ref) expect(typeof ref.question.destination).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives any signed body, event, command text and button value, and keeps answering', async () => {
    recordSlack();
    const app = await started();
    const anyObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    const request = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((body) => ({ kind: 'body' as const, body: JSON.stringify(body) })),
      fc.record({
        kind: fc.constant('event' as const),
        event: anyObject,
        type: fc.constantFrom('message', 'app_mention', 'app_home_opened', 'x'),
      }),
      fc.record({ kind: fc.constant('command' as const), text: fc.string({ maxLength: 600 }) }),
      fc.record({
        kind: fc.constant('action' as const),
        action: fc.constantFrom(...Object.values(ACTION_IDS)),
        value: fc.string({ maxLength: 300 }),
        ephemeral: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let response: Response;
        if (r.kind === 'body')
          response = await fetch(`${app.base}/slack/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...sign(r.body) },
            body: r.body,
          });
        else if (r.kind === 'event')
          response = await postEvent(app, { ...r.event, type: r.type, user: USER, channel: 'D1', ts: '1.1' });
        else if (r.kind === 'command') response = await postCommand(app, r.text);
        else response = await postAction(app, r.action, r.value, { ephemeral: r.ephemeral });
        expect([200, 400, 401, 404]).toContain(response.status);
        await response.arrayBuffer();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
    // Still serving after all of it.
    expect((await postCommand(app, 'help')).status).toBe(200);
    expect(app.logs()).not.toMatch(/unhandled error in a Slack listener/);
    // Real HTTP round trips through Bolt: the run count is bounded, the time on a loaded machine is not.
  }, 120_000);
});
