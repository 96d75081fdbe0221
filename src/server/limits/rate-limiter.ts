/** A sliding one-minute window of events per key (connection or client address). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event for `key`; false when the key is over its limit (the event is not recorded). */
  take(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  /** Forgets keys with no recent events, so memory stays bounded. */
  sweep(): void {
    const now = this.now();
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= 60_000)) this.hits.delete(key);
  }
}
