import type Database from 'better-sqlite3';
import type { Logger } from '../../shared/logger.js';
import { decryptJson, decryptText, encryptJson, encryptText } from '../crypto.js';
import { errorCodeOf, isStorageError, toStorageError } from '../errors.js';
import { isAppError } from '../../shared/errors.js';
import { createFailureLog } from '../failure-log.js';
import type { StorageFaults } from '../faults.js';

export type { StorageFaults };

/** What every SQLite repository needs: the connection, the data key, the clock and the error boundary. */
export interface SqliteContext {
  db: Database.Database;
  now: () => Date;
  /** A prepared statement, compiled once per connection and reused. */
  statement<P extends unknown[] = unknown[], R = unknown>(source: string): Database.Statement<P, R>;
  /** Runs a read, mapping driver errors to StorageError. */
  read<T>(op: string, fn: () => T): T;
  /** Runs a write atomically (a savepoint when inside a transaction), after the fault hook, mapping errors. */
  write<T>(op: string, fn: () => T): T;
  seal(text: string): Buffer;
  open(blob: Uint8Array): string;
  sealJson(value: unknown): Buffer;
  openJson<T>(blob: Uint8Array): T;
  /** Maps and logs (once, without personal data) an error escaping the storage layer. */
  fail(op: string, error: unknown): never;
}

export interface CreateContextOptions {
  db: Database.Database;
  key: Buffer;
  logger: Logger;
  now: () => Date;
  faults?: StorageFaults;
}

/** Builds the shared repository context. */
export function createContext({ db, key, logger, now, faults }: CreateContextOptions): SqliteContext {
  const logFailure = createFailureLog(logger, () => now().getTime());
  const fail = (op: string, error: unknown): never => {
    const mapped = toStorageError(error);
    if (!(isAppError(error) || isStorageError(error)) || mapped.code === 'storage_corrupt') {
      // SQLite messages name tables and constraints, never bound values, so they are safe to log.
      const code = errorCodeOf(error);
      const reason = code?.startsWith('SQLITE_') ? (error as Error).message : undefined;
      logFailure({ op, code: mapped.code, driverCode: code, reason }, 'storage operation failed');
    }
    throw mapped;
  };
  const guard = <T>(op: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      return fail(op, error);
    }
  };
  const statements = new Map<string, Database.Statement>();
  const statement = <P extends unknown[], R>(source: string): Database.Statement<P, R> => {
    let prepared = statements.get(source);
    if (!prepared) {
      prepared = db.prepare(source);
      statements.set(source, prepared);
    }
    return prepared as unknown as Database.Statement<P, R>;
  };
  return {
    db,
    now,
    statement,
    fail,
    read: guard,
    write: (op, fn) =>
      guard(op, () => {
        faults?.beforeWrite?.(op);
        // IMMEDIATE takes the write lock up front (waiting busy_timeout) instead of failing on upgrade;
        // inside an open transaction better-sqlite3 uses a savepoint instead.
        return db.transaction(fn).immediate();
      }),
    seal: (text) => encryptText(key, text),
    open: (blob) => decryptText(key, blob),
    sealJson: (value) => encryptJson(key, value),
    openJson: <T>(blob: Uint8Array) => decryptJson<T>(key, blob),
  };
}

/** ISO-8601 UTC text for a Date: sorts correctly as text, and maps to timestamptz in PostgreSQL. */
export function toIso(date: Date): string {
  return date.toISOString();
}
