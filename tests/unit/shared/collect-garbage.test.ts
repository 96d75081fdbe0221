import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/shared/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects what nothing references any more, and can run again', async () => {
    let garbage: object | undefined = { rows: Array.from({ length: 1_000 }, (_, i) => ({ i })) };
    const watched = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef keeps its target alive until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
    expect(() => collectGarbage()).not.toThrow();
  });
});
