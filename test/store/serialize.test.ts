import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyStoreData, type StoreData, type StoredTopology } from '../../src/store/data.js';
import { SEALS_KEY, sealOf } from '../../src/store/seal.js';
import { serializeStore } from '../../src/store/serialize.js';

const topology = (name: string): StoredTopology =>
  Object.freeze({
    name,
    importedAt: '2026-11-26T00:00:00.000Z',
    topology: { version: 1, vpcs: [{ id: `vpc-${name}`, cidr: '192.168.0.0/16' }] },
  }) as StoredTopology;

describe('serializeStore', () => {
  it('seals a topology whatever its name, "__proto__" included', () => {
    const data: StoreData = {
      ...emptyStoreData(),
      topologies: Object.fromEntries([['__proto__', topology('__proto__')]]),
    };
    const seals = JSON.parse(serializeStore(data))[SEALS_KEY];
    expect(Object.hasOwn(seals, '__proto__')).toBe(true);
  });

  it('writes JSON that parses back to the same document', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (names, actions) => {
          const data: StoreData = {
            ...emptyStoreData(),
            topologies: Object.fromEntries(names.map((name) => [name, topology(name)])),
            audit: actions.map((action) => ({
              at: 'now',
              user: 'U1',
              channel: 'C1',
              action,
              target: 't',
              outcome: 'ok',
            })),
          };
          const { [SEALS_KEY]: seals, ...document } = JSON.parse(serializeStore(data));
          expect(document).toEqual(JSON.parse(JSON.stringify(data)));
          // Every (frozen) stored topology is written with the seal of its own text.
          expect(seals ?? {}).toEqual(
            Object.fromEntries(names.map((name) => [name, sealOf(JSON.stringify(data.topologies[name]))])),
          );
        },
      ),
    );
  });

  it('serializes a stored topology once and reuses the text while the entry is unchanged', () => {
    let serialized = 0;
    const plain = { name: 'prod', importedAt: 'now', topology: { version: 1 } };
    // toJSON counts how often JSON.stringify visits the entry (non-enumerable: the output is unchanged).
    Object.defineProperty(plain, 'toJSON', {
      value: () => {
        serialized += 1;
        return { name: 'prod', importedAt: 'now', topology: { version: 1 } };
      },
    });
    const entry = Object.freeze(plain) as unknown as StoredTopology;
    const data: StoreData = { ...emptyStoreData(), topologies: { prod: entry } };
    const first = serializeStore(data);
    const audit = [{ at: 'now', user: 'U1', channel: 'C1', action: 'x', target: 't', outcome: 'ok' as const }];
    const second = serializeStore({ ...data, audit });
    expect(serialized).toBe(1);
    expect(JSON.parse(second).topologies).toEqual(JSON.parse(first).topologies);
    expect(JSON.parse(second).audit).toEqual(audit);
  });
});
