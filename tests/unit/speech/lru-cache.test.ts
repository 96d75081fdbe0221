import { describe, expect, it } from 'vitest';
import { ByteLruCache } from '../../../src/speech/lru-cache.js';

const bytes = (n: number) => new Uint8Array(n);

describe('ByteLruCache', () => {
  it('evicts the least recently used when over its byte bound', () => {
    const cache = new ByteLruCache(100);
    cache.set('a', bytes(40));
    cache.set('b', bytes(40));
    cache.get('a');
    cache.set('c', bytes(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size()).toEqual({ entries: 2, bytes: 80 });
  });

  it('does not keep a value larger than the whole cache, and replaces a key in place', () => {
    const cache = new ByteLruCache(10);
    cache.set('big', bytes(11));
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', bytes(5));
    cache.set('k', bytes(6));
    expect(cache.size()).toEqual({ entries: 1, bytes: 6 });
  });
});
