import { afterEach, beforeEach } from 'vitest';
import type { Logger } from '../../src/shared/logger.js';
import type { StorageFaults } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { buildClock } from '../helpers/storage.js';

/** How the contract opens a storage; every adapter's factory honours all of it. */
export interface ContractOpenOptions {
  /** The pinned clock. */
  now: () => Date;
  /** The data key (a fresh random one when absent). */
  key?: Buffer;
  faults?: StorageFaults;
  createReference?: () => string;
  logger?: Logger;
}

/** A fresh, empty database with one storage open on it, plus raw access for at-rest assertions. */
export interface ContractHarness {
  storage: Storage;
  key: Buffer;
  /**
   * Raw SQL on the same database, bypassing the storage: `$1`, `$2`, … placeholders, each used once and in order
   * (so both dialects read them). BLOB / BYTEA columns come back as Buffers.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Opens another storage on the same database (defaults: the same key and clock); `cleanup` closes it. */
  open(options?: Partial<ContractOpenOptions>): Promise<Storage>;
  /** Closes every storage and removes the database. */
  cleanup(): Promise<void>;
}

export type ContractFactory = (options: ContractOpenOptions) => Promise<ContractHarness>;

/** What each contract case gets: the current harness (fresh for every test) and the pinned clock. */
export interface ContractScope {
  readonly harness: ContractHarness;
  readonly storage: Storage;
  readonly clock: ReturnType<typeof buildClock>;
  /** Rows in a table, counted through the raw connection. */
  countRows(table: string): Promise<number>;
}

/** Opens a fresh storage before each test (clock set to `start`) and cleans it up after. */
export function useContractStorage(
  factory: ContractFactory,
  { start = '2026-03-10T03:00:00.000Z', options = () => ({}) }: { start?: string; options?: () => Partial<ContractOpenOptions> } = {},
): ContractScope {
  const clock = buildClock(start);
  let current: ContractHarness | undefined;
  beforeEach(async () => {
    clock.set(start);
    current = await factory({ now: clock.now, ...options() });
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  const harness = (): ContractHarness => {
    if (!current) throw new Error('no contract storage is open (used outside a test?)');
    return current;
  };
  return {
    clock,
    get harness() {
      return harness();
    },
    get storage() {
      return harness().storage;
    },
    countRows: async (table) => {
      const rows = await harness().query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(rows[0]?.n ?? 0);
    },
  };
}

/** Every stored value of a table's rows as bytes (Buffers as they are, everything else as UTF-8 text). */
export async function rawTableBytes(harness: ContractHarness, table: string): Promise<Buffer> {
  const rows = await harness.query(`SELECT * FROM ${table}`);
  const parts: Buffer[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) {
      if (value === null || value === undefined) continue;
      parts.push(Buffer.isBuffer(value) ? value : Buffer.from(value instanceof Date ? value.toISOString() : String(value), 'utf8'));
    }
  }
  return Buffer.concat(parts);
}

/** An error shaped like a full disk, which every adapter maps to `storage_unavailable`. */
export function diskFullError(): Error {
  return Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
}
