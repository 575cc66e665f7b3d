import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/registry.js';
import type { CommandContext } from '../../src/commands/subcommand.js';
import { splitFirstWords, type TopologyChange } from '../../src/commands/topology.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FIXED_NOW, FIXTURE_TEXT, seedTopology } from '../slack/helpers.js';

function context(store: MemoryStore, isAdmin = true): CommandContext {
  return { store, userId: 'U1', channelId: 'C1', isAdmin, now: () => FIXED_NOW };
}

describe('splitFirstWords', () => {
  it('splits the leading words and keeps the rest (pasted YAML) with its indentation', () => {
    expect(splitFirstWords('import prod\nversion: 1\n  x: y', 2)).toEqual(['import', 'prod', 'version: 1\n  x: y']);
    expect(splitFirstWords('  show   prod  ', 2)).toEqual(['show', 'prod']);
    expect(splitFirstWords('show', 2)).toEqual(['show', '']);
  });
});

describe('the topology subcommand', () => {
  const topology = () => createRegistry().find('topology')!;

  it('exports YAML that imports back to the same topology', async () => {
    const store = new MemoryStore();
    await seedTopology(store, 'a');
    const exported = await topology().run('export a', context(store));
    expect(exported.attachment?.filename).toBe('a.yaml');
    const reply = await topology().run(`import b\n${exported.attachment?.content}`, context(store));
    expect(reply.text).toContain('Imported topology `b`');
    expect(store.data.topologies.b?.topology).toEqual(store.data.topologies.a?.topology);
  });

  it('rejects bad names and unknown verbs with the usage', async () => {
    const store = new MemoryStore();
    expect((await topology().run('show ../etc', context(store))).text).toContain('is not a valid topology name');
    expect((await topology().run('frobnicate x', context(store))).text).toContain(
      'Usage: `topology show|export|import|remove|sync NAME`',
    );
    expect((await topology().run('show nope', context(store))).text).toBe('No topology named `nope`. Known: none yet.');
  });

  it('tells change listeners about imports and removals, with the diff', async () => {
    const changes: TopologyChange[] = [];
    const registry = createRegistry([], { onChange: async (change) => void changes.push(change) });
    const store = new MemoryStore();
    const sub = registry.find('topology')!;
    await sub.run(`import n\n${FIXTURE_TEXT}`, context(store));
    await sub.run(`import n\n${FIXTURE_TEXT.replace('192.168.10.60', '192.168.10.61')}`, context(store));
    await sub.run('remove n', context(store));
    await Promise.resolve();
    expect(changes.map((c) => [c.name, Boolean(c.before), Boolean(c.after), c.by])).toEqual([
      ['n', false, true, 'U1'],
      ['n', true, true, 'U1'],
      ['n', true, false, 'U1'],
    ]);
    expect(changes[1]?.diff?.changed.map((c) => `${c.kind} ${c.id}`)).toEqual(['resource redis-main']);
  });

  it('syncs through the configured importer (admins), storing the source, warnings and an audit entry', async () => {
    const parsed = (await import('../../src/topology/load.js')).parseTopology(FIXTURE_TEXT);
    if (!parsed.ok) throw new Error('fixture');
    const registry = createRegistry([], {
      sync: async ({ args }) => ({
        topology: parsed.topology,
        source: `huaweicloud:${args}`,
        warnings: ['ELB skipped'],
      }),
    });
    const store = new MemoryStore();
    const reply = await registry.find('topology')!.run('sync cloud cn-north-4', context(store));
    expect(reply.text).toContain('Imported topology `cloud` (from huaweicloud:cn-north-4)');
    expect(reply.text).toContain('• ELB skipped');
    expect(store.data.audit.at(-1)).toMatchObject({ action: 'topology sync', target: 'cloud', outcome: 'ok' });
    const refused = await registry.find('topology')!.run('sync cloud cn-north-4', context(store, false));
    expect(refused.text).toContain('only reachbot admins');
  });
});
