/** A least-recently-used cache of byte arrays bounded by their total size, not their count. */
export class ByteLruCache {
  private readonly items = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The cached value, marked as the most recently used. */
  get(key: string): Uint8Array | undefined {
    const value = this.items.get(key);
    if (value === undefined) return undefined;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used until the total fits; a value larger than the cache is not kept. */
  set(key: string, value: Uint8Array): void {
    const old = this.items.get(key);
    if (old) {
      this.items.delete(key);
      this.bytes -= old.length;
    }
    if (value.length > this.maxBytes) return;
    this.items.set(key, value);
    this.bytes += value.length;
    for (const [oldest, bytes] of this.items) {
      if (this.bytes <= this.maxBytes) break;
      this.items.delete(oldest);
      this.bytes -= bytes.length;
    }
  }

  /** Number of entries and total bytes held. */
  size(): { entries: number; bytes: number } {
    return { entries: this.items.size, bytes: this.bytes };
  }
}
