import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/server/limits/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows N events a minute per key and frees them after the window', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    now = 60_001;
    expect(limiter.take('a')).toBe(true);
    limiter.sweep();
  });
});
