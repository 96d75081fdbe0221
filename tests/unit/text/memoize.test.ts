import { describe, expect, it } from 'vitest';
import { memoizeWords } from '../../../src/text/memoize.js';

describe('memoizeWords', () => {
  it('computes a short word once', () => {
    let calls = 0;
    const upper = memoizeWords((w) => {
      calls++;
      return w.toUpperCase();
    });
    expect(upper('hoa')).toBe('HOA');
    expect(upper('hoa')).toBe('HOA');
    expect(calls).toBe(1);
  });

  it('does not cache long inputs and stays bounded', () => {
    let calls = 0;
    const id = memoizeWords(
      (w) => {
        calls++;
        return w;
      },
      { maxEntries: 2, maxLength: 3 },
    );
    id('long text');
    id('long text');
    expect(calls).toBe(2);
    for (const w of ['a', 'b', 'c', 'a']) id(w);
    expect(calls).toBe(6);
  });
});
