import { describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/question/errors.js';
import { TopologyNameError } from '../../src/store/errors.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  compiledFor,
  defaultTopologyName,
  getTopology,
  listTopologies,
  putTopology,
  removeTopology,
  resolveClusterTopology,
  setDefaultTopology,
  splitQualifiedCluster,
} from '../../src/store/topologies.js';
import { catchQuestionError } from '../fixtures/question/catch-question-error.js';
import { topologyWith } from './helpers.js';

describe('named topologies', () => {
  it('put, get (case-insensitive), list sorted, remove', async () => {
    const store = new MemoryStore();
    await putTopology(store, { name: 'zeta', topology: topologyWith('z1') });
    const { stored, replaced } = await putTopology(store, {
      name: 'alpha',
      topology: topologyWith('a1'),
      source: 'a.yaml',
    });
    expect(replaced).toBe(false);
    expect(stored).toMatchObject({ name: 'alpha', source: 'a.yaml' });
    expect(getTopology(store, 'ALPHA')?.name).toBe('alpha');
    expect(listTopologies(store).map((t) => t.name)).toEqual(['alpha', 'zeta']);
    expect((await putTopology(store, { name: 'alpha', topology: topologyWith('a2') })).replaced).toBe(true);
    expect(await removeTopology(store, 'Zeta')).toBe(true);
    expect(await removeTopology(store, 'zeta')).toBe(false);
    expect(listTopologies(store).map((t) => t.name)).toEqual(['alpha']);
  });

  it('refuses names that cannot be typed as topology:cluster', async () => {
    const store = new MemoryStore();
    await expect(putTopology(store, { name: 'a:b', topology: topologyWith('x') })).rejects.toBeInstanceOf(
      TopologyNameError,
    );
    await expect(putTopology(store, { name: '', topology: topologyWith('x') })).rejects.toBeInstanceOf(
      TopologyNameError,
    );
    expect(store.writes).toBe(0);
  });

  it('the default is the declared one, else the only one; removing it clears it', async () => {
    const store = new MemoryStore();
    expect(defaultTopologyName(store)).toBeUndefined();
    await putTopology(store, { name: 'one', topology: topologyWith('c1') });
    expect(defaultTopologyName(store)).toBe('one');
    await putTopology(store, { name: 'two', topology: topologyWith('c2') });
    expect(defaultTopologyName(store)).toBeUndefined();
    expect(await setDefaultTopology(store, 'TWO')).toBe(true);
    expect(defaultTopologyName(store)).toBe('two');
    expect(await setDefaultTopology(store, 'three')).toBe(false);
    await removeTopology(store, 'two');
    expect(store.data.defaultTopology).toBeUndefined();
    await putTopology(store, { name: 'three', topology: topologyWith('c3'), makeDefault: true });
    expect(defaultTopologyName(store)).toBe('three');
  });
});

describe('compiledFor', () => {
  it('compiles once per stored object, and again only when the topology is replaced', async () => {
    const store = new MemoryStore();
    await putTopology(store, { name: 'main', topology: topologyWith('prod') });
    const first = compiledFor(store, 'main');
    await store.update((data) => {
      data.deliveries.x = 1;
    });
    expect(compiledFor(store, 'MAIN')).toBe(first);
    await putTopology(store, { name: 'main', topology: topologyWith('prod') });
    expect(compiledFor(store, 'main')).not.toBe(first);
  });

  it('an unknown topology is a QuestionError with the closest names', async () => {
    const store = new MemoryStore();
    await putTopology(store, { name: 'production', topology: topologyWith('prod') });
    const error = catchQuestionError(() => compiledFor(store, 'prodution'));
    expect(error.suggestions[0]).toBe('production');
  });
});

describe('resolveClusterTopology', () => {
  async function twoTopologies() {
    const store = new MemoryStore();
    await putTopology(store, { name: 'east', topology: topologyWith('prod') });
    await putTopology(store, { name: 'west', topology: topologyWith('Prod', '10.20.0.0/16') });
    await putTopology(store, { name: 'lab', topology: topologyWith('staging', '10.30.0.0/16') });
    return store;
  }

  it('finds the one topology holding a cluster, case-insensitively', async () => {
    const store = await twoTopologies();
    expect(resolveClusterTopology(store, 'STAGING').name).toBe('lab');
  });

  it('lists topology:cluster choices when ambiguous and there is no default', async () => {
    const store = await twoTopologies();
    const error = catchQuestionError(() => resolveClusterTopology(store, 'prod'));
    expect(error.message).toMatch(/in 2 topologies/);
    expect(error.suggestions).toEqual(['east:prod', 'west:Prod']);
  });

  it('prefers the default topology when ambiguous', async () => {
    const store = await twoTopologies();
    await setDefaultTopology(store, 'west');
    expect(resolveClusterTopology(store, 'prod').name).toBe('west');
  });

  it('accepts topology:cluster', async () => {
    const store = await twoTopologies();
    expect(resolveClusterTopology(store, 'west:prod').name).toBe('west');
    expect(splitQualifiedCluster('west:prod')).toEqual({ topology: 'west', cluster: 'prod' });
    expect(splitQualifiedCluster('prod')).toEqual({ cluster: 'prod' });
    expect(() => resolveClusterTopology(store, 'north:prod')).toThrow(QuestionError);
  });

  it('an unknown cluster suggests the closest known clusters', async () => {
    const store = await twoTopologies();
    const error = catchQuestionError(() => resolveClusterTopology(store, 'stagin'));
    expect(error.suggestions[0]).toBe('staging');
    expect(error.message).toContain('unknown cluster "stagin"');
    const empty = catchQuestionError(() => resolveClusterTopology(new MemoryStore(), 'prod'));
    expect(empty.message).toMatch(/no topologies are stored/);
  });
});
