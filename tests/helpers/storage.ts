import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStorage, type StorageFaults } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/types.js';
import type { Logger } from '../../src/shared/logger.js';
import { buildSilentLogger } from './logger.js';

/** A fresh temp directory and a function that removes it. */
export async function makeTempDir(prefix = 'ward-storage-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A settable clock for `now` injection. */
export function buildClock(iso = '2026-03-10T03:00:00.000Z'): { now: () => Date; set: (iso: string) => void; advanceDays: (days: number) => void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advanceDays: (days) => {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}

export interface TestStorageOptions {
  dataDir?: string;
  key?: Buffer;
  now?: () => Date;
  faults?: StorageFaults;
  logger?: Logger;
}

/** Opens a SQLite storage in a temp data directory; `cleanup` closes it and removes the directory. */
export async function buildTestStorage(options: TestStorageOptions = {}) {
  const temp = options.dataDir ? undefined : await makeTempDir();
  const dataDir = options.dataDir ?? path.join(temp!.dir, 'data');
  const key = options.key ?? randomBytes(32);
  const storage: Storage = await openSqliteStorage({ dataDir, key, logger: options.logger ?? buildSilentLogger(), now: options.now, faults: options.faults });
  const cleanup = async () => {
    await storage.close();
    await temp?.cleanup();
  };
  return { storage, dataDir, key, file: path.join(dataDir, 'ward.db'), cleanup };
}

/** A second, raw connection for asserting on what is really stored. */
export function openRaw(file: string): Database.Database {
  return new Database(file);
}

/** Counts rows of a table through a raw connection. */
export function countRows(file: string, table: string): number {
  const db = openRaw(file);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** An error shaped like better-sqlite3's for a full disk (or any other SQLite code). */
export function sqliteError(code = 'SQLITE_FULL', message = 'database or disk is full'): Error {
  return new Database.SqliteError(message, code);
}
