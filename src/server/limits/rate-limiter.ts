import { rateLimitedError } from '../../shared/errors.js';

const WINDOW_MS = 60_000;
// Keys with no recent events are forgotten every this many events, so a flood of fresh addresses stays bounded.
const SWEEP_EVERY = 1000;

/** A sliding one-minute window of events per key (connection, session or client address). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private sinceSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event for `key`; false when the key is over its limit (the event is not recorded). */
  take(key: string): boolean {
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep();
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  /** Records an event for `key`, or throws 429 `rate_limited` with `Retry-After` and `message` when over the limit. */
  enforce(key: string, message?: string): void {
    if (!this.take(key)) throw rateLimitedError(this.retryAfterSeconds(key), message);
  }

  /** Whole seconds until `key` may send again (at least 1): what a 429's `Retry-After` says. */
  retryAfterSeconds(key: string): number {
    const oldest = this.hits.get(key)?.[0];
    if (oldest === undefined) return 1;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }

  /** Forgets keys with no recent events, so memory stays bounded. */
  sweep(): void {
    this.sinceSweep = 0;
    const now = this.now();
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= WINDOW_MS)) this.hits.delete(key);
  }
}
