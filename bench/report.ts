// The benchmark's results as one table: a row per figure, a column per size, the target and whether it is met.

import type { CliReport } from './measure-cli.js';
import type { SlackReport } from './measure-slack.js';
import type { SyncReport } from './measure-sync.js';
import type { SizeReport } from './measure-topology.js';
import type { LatencySummary } from './stats.js';
import type { BenchSize } from './synthetic.js';

export interface BenchResults {
  readonly machine: Readonly<Record<string, string>>;
  readonly mode: 'full' | 'smoke';
  readonly sizes: readonly SizeReport[];
  /** The slash command over HTTP (signed requests to Bolt's HTTP receiver). */
  readonly slack: SlackReport | null;
  /** The same commands as Socket Mode envelopes on the app's WebSocket. */
  readonly slackSocket?: SlackReport | null;
  /** The same client against a server that only acknowledges: what the client and the machine cost alone. */
  readonly slackFloor?: SlackReport | null;
  readonly cli: CliReport | null;
  /** A sync of the synthetic topology from the loopback Huawei Cloud double, and answers while it runs. */
  readonly sync?: SyncReport;
}

/** The sync figures as a table (bench/measure-sync.ts). */
export function renderSyncTable(report: SyncReport): string {
  const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
  const lat = (l: SyncReport['idle']) => `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (n=${l.count})`;
  return [
    `| sync of the ${report.size} synthetic topology from a loopback Huawei Cloud double | value |`,
    '| --- | --- |',
    `| API calls per sync (page size 2000) | ${report.requests} |`,
    `| sync that replaces the topology (network changed): read, validate, compile, swap, write | ${ms(report.replaceMs)} |`,
    `| sync that finds no change (only "checked at" written) | ${ms(report.unchangedMs)} |`,
    `| answer latency, no sync running (asked every 5 ms, due → answered) | ${lat(report.idle)} |`,
    `| answer latency while a replacing sync runs | ${lat(report.duringReplace)} |`,
    `| answer latency while an unchanged sync runs | ${lat(report.duringUnchanged)} |`,
    `| the answers' own diagnosis time during the syncs | ${lat(report.diagnoseDuring)} |`,
    `| longest event-loop stall (monitorEventLoopDelay max): no sync / replacing sync / unchanged sync | ${report.stallIdleMs === undefined ? 'n/a' : `${ms(report.stallIdleMs)} / ${ms(report.stallReplaceMs ?? 0)} / ${ms(report.stallUnchangedMs ?? 0)}`} |`,
  ].join('\n');
}

interface Row {
  readonly label: string;
  readonly cells: Partial<Record<BenchSize, string>>;
  readonly target?: string;
  /** Met, missed, or not measured, judged on the largest size measured. */
  readonly status?: 'met' | 'MISSED' | 'n/a';
}

const fmt = (value: number | undefined, digits = 1): string =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value.toFixed(digits);

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${fmt(value, value < 1 ? 3 : 1)} ms`);

function judge(value: number | undefined, limit: number): 'met' | 'MISSED' | 'n/a' {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value < limit ? 'met' : 'MISSED';
}

/** The rows of the table, in the order they are printed. */
export function tableRows(results: BenchResults): Row[] {
  const by = <T>(pick: (r: SizeReport) => T | null | undefined, show: (v: NonNullable<T>) => string) =>
    Object.fromEntries(
      results.sizes.map((r) => {
        const v = pick(r);
        return [r.size, v === undefined || v === null ? 'n/a' : show(v as NonNullable<T>)];
      }),
    ) as Partial<Record<BenchSize, string>>;
  const largest = results.sizes[results.sizes.length - 1];
  const targetOn = largest?.size ?? 'small';
  const rows: Row[] = [
    {
      label: 'topology (clusters / SGs x rules / resources)',
      cells: by(
        (r) => r.counts,
        (c) =>
          `${c.clusters} / ${c.securityGroups}x${Math.round((c.rules ?? 0) / (c.securityGroups || 1))} / ${c.resources}`,
      ),
    },
    {
      label: 'YAML size',
      cells: by(
        (r) => r.load.yamlMb,
        (v) => `${fmt(v, 2)} MB`,
      ),
    },
    { label: 'load: YAML parse', cells: by((r) => r.load.parseMs, ms) },
    { label: 'load: validation', cells: by((r) => r.load.validateMs, ms) },
    { label: 'compile', cells: by((r) => r.load.compileMs, ms) },
    {
      label: 'load + validate + compile',
      cells: by((r) => r.load.loadAndCompileMs, ms),
      target: `< 2 s (${targetOn})`,
      status: judge(largest?.load.loadAndCompileMs, 2000),
    },
    { label: 'diagnosis p50', cells: by((r) => r.diagnosis?.latency.p50, ms) },
    {
      label: 'diagnosis p99',
      cells: by((r) => r.diagnosis?.latency.p99, ms),
      target: '< 1 ms',
      status: judge(Math.max(...results.sizes.map((r) => r.diagnosis?.latency.p99 ?? Number.NaN)), 1),
    },
    {
      label: 'diagnosis p99 by verdict (reachable / unreachable / uncertain)',
      cells: by(
        (r) => r.diagnosis,
        (d) => ['reachable', 'unreachable', 'uncertain'].map((v) => ms(d.byVerdict[v]?.p99)).join(' / '),
      ),
    },
    {
      label: 'diagnosis p99 by model (overlay_l2 / vpc-router / eni)',
      cells: by(
        (r) => r.diagnosis,
        (d) => ['overlay_l2', 'vpc-router', 'eni'].map((m) => ms(d.byModel[m]?.p99)).join(' / '),
      ),
    },
    {
      label: 'diagnosis samples (reachable/unreachable/uncertain/error)',
      cells: by(
        (r) => r.diagnosis,
        (d) =>
          `${d.latency.count} (${d.verdicts.reachable ?? 0}/${d.verdicts.unreachable ?? 0}/${d.verdicts.uncertain ?? 0}/${d.verdicts.error ?? 0})`,
      ),
    },
    {
      label: 'digest of N watched paths',
      cells: by(
        (r) => r.digest,
        (d) => `${ms(d.ms)} (N=${d.watches})`,
      ),
      target: '< 1 s for 10,000',
      status: judge(largest?.digest && largest.digest.watches >= 10_000 ? largest.digest.ms : undefined, 1000),
    },
    { label: 'store: load (open file)', cells: by((r) => r.store?.loadMs, ms) },
    { label: 'store: one write', cells: by((r) => r.store?.writeMs, ms) },
    {
      label: 'store: file size',
      cells: by(
        (r) => r.store?.fileMb,
        (v) => `${fmt(v, 2)} MB`,
      ),
    },
    {
      label: 'heap in use after GC: topology loaded / compiled / after the digest',
      cells: by(
        (r) => r.memory.heapAfterMb,
        (h) => `${['topology loaded', 'compiled', 'after digest'].map((k) => fmt(h[k])).join(' / ')} MB`,
      ),
    },
    {
      label: 'serving from the store (no YAML): open / compile / digest of N',
      cells: by(
        (r) => r.serve,
        (v) => `${ms(v.storeOpenMs)} / ${ms(v.compileMs)} / ${ms(v.digestMs)}`,
      ),
    },
    {
      label: 'peak RSS serving from the store (no YAML parse)',
      cells: by(
        (r) => r.serve?.peakRssMb,
        (v) => `${fmt(v)} MB`,
      ),
      target: '< 500 MB',
      status: judge(largest?.serve?.peakRssMb, 500),
    },
    {
      label: 'peak RSS including the YAML import (child process per size)',
      cells: by(
        (r) => r.memory.peakMb,
        (v) => `${fmt(v)} MB`,
      ),
      target: '(< 500 MB)',
      status: judge(largest?.memory.peakMb, 500),
    },
  ];
  return rows;
}

interface ServiceRow {
  readonly label: string;
  readonly value: string;
  readonly target?: string;
  readonly status?: 'met' | 'MISSED' | 'n/a';
}

/** Rows that do not depend on topology size: the Slack app and the CLI. */
export function serviceRows(results: BenchResults): ServiceRow[] {
  const rows: ServiceRow[] = [];
  const lat = (s: LatencySummary | null | undefined) =>
    s ? `p50 ${ms(s.p50)}, p99 ${ms(s.p99)} (n=${s.count})` : 'n/a';
  const slack = results.slack;
  if (slack) {
    const on = `on ${slack.topologyLabel}`;
    rows.push(
      { label: `slash command ack, 1 at a time (${on})`, value: lat(slack.ack1) },
      {
        label: `slash command ack, 50 concurrent (${on})`,
        value: lat(slack.ack50),
        target: 'p99 < 50 ms',
        status: judge(slack.ack50?.p99, 50),
      },
      { label: 'slash command answer posted to response_url, 1 at a time', value: lat(slack.answer1) },
      { label: 'slash command answer posted to response_url, 50 concurrent', value: lat(slack.answer50) },
    );
  }
  const socket = results.slackSocket;
  if (socket) {
    rows.push(
      { label: 'slash command ack in Socket Mode, 1 at a time', value: lat(socket.ack1) },
      {
        label: 'slash command ack in Socket Mode, 50 concurrent',
        value: lat(socket.ack50),
        target: 'p99 < 50 ms',
        status: judge(socket.ack50?.p99, 50),
      },
    );
  }
  const floor = results.slackFloor;
  if (floor) {
    rows.push({
      label: 'slash command ack, 50 concurrent, the same client against a server that only acknowledges (the floor)',
      value: lat(floor.ack50),
    });
  }
  const cli = results.cli;
  if (cli) {
    const show = (t: CliReport['checkout']) =>
      `median ${ms(t.medianMs)} (n=${t.runs.length}, exit ${t.exitCodes.join('/')})`;
    rows.push({
      label: `CLI cold start without a build (bin falls back to TypeScript via tsx): ${cli.command}`,
      value: show(cli.checkout),
    });
    rows.push(
      'error' in cli.built
        ? { label: 'CLI cold start, built (tsc output)', value: cli.built.error, target: '< 500 ms', status: 'n/a' }
        : {
            label: 'CLI cold start, built (npm run build: dist/, its bundle and its stamp, as after npm ci)',
            value: show(cli.built),
            target: '< 500 ms',
            status: judge(cli.built.medianMs, 500),
          },
    );
  }
  return rows;
}

/** The table as Markdown (printed, and pasted into BENCHMARKS.md). */
export function renderTable(results: BenchResults): string {
  const sizes = results.sizes.map((r) => r.size);
  const columns = sizes.length ? sizes : (['small'] as BenchSize[]);
  const header = ['figure', ...columns, 'target', 'status'];
  const lines = [header, header.map(() => '---')];
  for (const row of tableRows(results)) {
    lines.push([row.label, ...columns.map((size) => row.cells[size] ?? ''), row.target ?? '', row.status ?? '']);
  }
  const service = serviceRows(results);
  const second = [
    ['figure', 'value', 'target', 'status'],
    ['---', '---', '---', '---'],
    ...service.map((row) => [row.label, row.value, row.target ?? '', row.status ?? '']),
  ];
  const md = (table: string[][]) => table.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return service.length ? `${md(lines)}\n\n${md(second)}` : md(lines);
}
