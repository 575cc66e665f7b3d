import { describe, expect, it } from 'vitest';
import type { SizeReport } from '../../bench/measure-topology.js';
import { type BenchResults, renderTable, serviceRows, tableRows } from '../../bench/report.js';
import { summarizeLatencies } from '../../bench/stats.js';

const latency = (ms: number) => summarizeLatencies([ms, ms, ms]);

function sizeReport(overrides: { loadMs: number; p99: number; digestMs: number; peakMb: number }): SizeReport {
  return {
    size: 'large',
    counts: { clusters: 200, securityGroups: 2000, rules: 100000, resources: 20000 },
    load: {
      yamlMb: 18,
      parseTopologyMs: overrides.loadMs - 100,
      validateMs: 50,
      parseMs: overrides.loadMs - 150,
      compileMs: 100,
      loadAndCompileMs: overrides.loadMs,
    },
    diagnosis: {
      latency: latency(overrides.p99),
      byModel: { eni: latency(overrides.p99) },
      byVerdict: { reachable: latency(overrides.p99) },
      verdicts: { reachable: 3 },
      byKind: {},
      errors: 0,
      errorExamples: [],
    },
    digest: { watches: 10_000, ms: overrides.digestMs, via: 'test' },
    store: { fileMb: 30, importWriteMs: 1, loadMs: 1, writeMs: 1 },
    serve: {
      size: 'large',
      storeOpenMs: 800,
      compileMs: 400,
      questionsMs: 1000,
      digestMs: overrides.digestMs,
      peakRssMb: overrides.peakMb,
    },
    memory: { baselineMb: 100, peakMb: overrides.peakMb, heapAfterMb: { compiled: 50 } },
  };
}

const results = (size: SizeReport): BenchResults => ({
  machine: {},
  mode: 'full',
  sizes: [size],
  slack: {
    topologyLabel: 'test',
    ack1: latency(5),
    ack50: latency(80),
    answer1: latency(6),
    answer50: latency(90),
    unanswered: 0,
    notAcked: {},
  },
  cli: {
    command: 'node bin/reachbot.js ask "q"',
    checkout: { runs: [900], medianMs: 900, exitCodes: [1] },
    built: { runs: [300], medianMs: 300, exitCodes: [1] },
  },
});

const statusOf = (rows: { label: string; status?: string }[], label: string) =>
  rows.find((row) => row.label.startsWith(label))?.status;

describe('benchmark table', () => {
  it('judges each figure against its target', () => {
    const good = results(sizeReport({ loadMs: 1500, p99: 0.5, digestMs: 800, peakMb: 300 }));
    expect(statusOf(tableRows(good), 'load + validate + compile')).toBe('met');
    expect(statusOf(tableRows(good), 'diagnosis p99')).toBe('met');
    expect(statusOf(tableRows(good), 'digest')).toBe('met');
    expect(statusOf(tableRows(good), 'peak RSS serving from the store')).toBe('met');
    expect(statusOf(serviceRows(good), 'slash command ack, 50 concurrent')).toBe('MISSED');
    expect(statusOf(serviceRows(good), 'CLI cold start, built')).toBe('met');

    const bad = results(sizeReport({ loadMs: 2500, p99: 3, digestMs: 1200, peakMb: 900 }));
    for (const label of ['load + validate + compile', 'diagnosis p99', 'digest', 'peak RSS serving', 'peak RSS incl']) {
      expect(statusOf(tableRows(bad), label)).toBe('MISSED');
    }
  });

  it('renders Markdown tables with one column per size', () => {
    const text = renderTable(results(sizeReport({ loadMs: 1500, p99: 0.5, digestMs: 800, peakMb: 300 })));
    expect(text).toContain('| figure | large | target | status |');
    expect(text).toContain('| figure | value | target | status |');
    expect(text).toMatch(/\| load \+ validate \+ compile \| 1500 ms \| < 2 s \(large\) \| met \|/);
  });

  it('shows the floor measured against a server that only acknowledges, beside the app, without judging it', () => {
    const base = results(sizeReport({ loadMs: 1500, p99: 0.5, digestMs: 800, peakMb: 300 }));
    const floorLabel = 'slash command ack, 50 concurrent, the same client against a server that only acknowledges';
    expect(serviceRows(base).some((row) => row.label.startsWith(floorLabel))).toBe(false);
    const withFloor: BenchResults = { ...base, slackFloor: { ...base.slack!, ack50: latency(42) } };
    const row = serviceRows(withFloor).find((r) => r.label.startsWith(floorLabel));
    expect(row?.value).toBe('p50 42.0 ms, p99 42.0 ms (n=3)');
    expect(row?.status).toBeUndefined();
  });
});
