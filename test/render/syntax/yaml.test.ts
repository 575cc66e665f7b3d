// YAML that reachbot writes reads back as the same data, whatever the texts hold: names, labels and descriptions come
// from users' files.
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { yamlText } from '../../../src/render/syntax/yaml.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  // The two characters YAML allows only in quoted scalars, which `yaml` alone writes plain.
  fc.constantFrom('\uFFFE', 'a\uFFFFb', ' \uFFFE'),
);
const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }));

describe('yamlText', () => {
  it('reads back as the same data, keys and values of any text (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 4 }), (data) => {
        expect(load(yamlText(data), { schema: CORE_SCHEMA })).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });

  it('writes an object it meets twice in full, not as an alias', () => {
    const shared = { app: 'web' };
    const text = yamlText({ from: shared, to: shared });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(load(text)).toEqual({ from: { app: 'web' }, to: { app: 'web' } });
  });
});
