// The terminal collects a large YAML parse's garbage before validating it (its peak memory): collectGarbage must
// really run a full collection, without `node --expose-gc`.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/garbage.js';

describe('collectGarbage', () => {
  it('runs a full collection: an object nothing refers to any more is gone afterwards', async () => {
    let target: object | undefined = { payload: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target stays alive until the end of the job that created or read it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
