import type pg from 'pg';
import { isAppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { decryptJson, decryptText, encryptJson, encryptText } from '../crypto.js';
import { errorCodeOf, isStorageError, toStorageError } from '../errors.js';
import { createFailureLog } from '../failure-log.js';
import type { StorageFaults } from '../faults.js';

export type { StorageFaults };

/** One connection's worth of queries: the pool outside a transaction, the transaction's client inside. */
export interface PgDb {
  /** All rows of a query. */
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** The first row, or undefined. */
  one<R>(sql: string, params?: unknown[]): Promise<R | undefined>;
  /** Runs a statement and returns how many rows it touched. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Takes a transaction-scoped advisory lock on a name, serialising this work across every instance. */
  lock(name: string): Promise<void>;
}

/** Where a context's statements go: reads directly, writes atomically (a transaction or a savepoint). */
export interface PgConnection {
  read<T>(fn: (db: PgDb) => Promise<T>): Promise<T>;
  atomic<T>(fn: (db: PgDb) => Promise<T>): Promise<T>;
}

/** What every PostgreSQL repository needs: a connection, the data key, the clock and the error boundary. */
export interface PgContext {
  now: () => Date;
  /** Runs a read, mapping driver errors to StorageError. */
  read<T>(op: string, fn: (db: PgDb) => Promise<T>): Promise<T>;
  /** Runs a write atomically (its own transaction, or a savepoint inside one), after the fault hook, mapping errors. */
  write<T>(op: string, fn: (db: PgDb) => Promise<T>): Promise<T>;
  seal(text: string): Buffer;
  open(blob: Uint8Array): string;
  sealJson(value: unknown): Buffer;
  openJson<T>(blob: Uint8Array): T;
  /** Maps and logs (once, without personal data) an error escaping the storage layer. */
  fail(op: string, error: unknown): never;
}

/** A query surface over a pool or a client. */
export function createDb(target: pg.Pool | pg.ClientBase): PgDb {
  const rows = async <R>(sql: string, params?: unknown[]): Promise<R[]> =>
    (await target.query(sql, params)).rows as R[];
  return {
    rows,
    one: async <R>(sql: string, params?: unknown[]) => (await rows<R>(sql, params))[0],
    run: async (sql, params) => (await target.query(sql, params)).rowCount ?? 0,
    lock: async (name) => {
      await target.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
    },
  };
}

/** A client checked out of the pool, and how to give it back (destroyed when it broke). */
export interface CheckedOutClient {
  client: pg.PoolClient;
  release(broken: boolean): void;
}

/**
 * Checks a client out of the pool. While checked out the pool no longer listens for its errors, and a socket
 * error between queries would then crash the process: listen here, and destroy such a client on release.
 */
export async function checkOut(pool: pg.Pool): Promise<CheckedOutClient> {
  const client = await pool.connect();
  let failed = false;
  const onError = () => {
    failed = true;
  };
  client.on('error', onError);
  return {
    client,
    release: (broken) => {
      client.removeListener('error', onError);
      client.release(broken || failed);
    },
  };
}

/** Outside a transaction: reads on the pool; each write in a transaction of its own on one pooled client. */
export function createPoolConnection(pool: pg.Pool): PgConnection {
  const db = createDb(pool);
  return {
    read: (fn) => fn(db),
    atomic: async (fn) => {
      const { client, release } = await checkOut(pool);
      let broken = false;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(createDb(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          throw error;
        }
      } catch (error) {
        broken ||= !isAppError(error) && !isStorageError(error) && errorCodeOf(error) === undefined;
        throw error;
      } finally {
        // A client whose rollback failed (or whose socket broke) must not go back into the pool.
        release(broken);
      }
    },
  };
}

/** Inside a transaction: everything on its client; each write under a savepoint, so a refused write leaves it usable. */
export function createClientConnection(client: pg.ClientBase): PgConnection {
  const db = createDb(client);
  let savepoints = 0;
  return {
    read: (fn) => fn(db),
    atomic: async (fn) => {
      savepoints += 1;
      const name = `write_${savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(db);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
}

/** Logs what a driver error names (its SQLSTATE, table, constraint), never its message: that may quote values. */
function describeDriverError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return {};
  const { table, constraint, column } = error as { table?: unknown; constraint?: unknown; column?: unknown };
  return { table, constraint, column };
}

export interface CreatePgContextOptions {
  connection: PgConnection;
  key: Buffer;
  logger: Logger;
  now: () => Date;
  faults?: StorageFaults;
  /** Shared by every context of one storage (one per transaction), so its once-a-minute limit holds across them. */
  logFailure?: ReturnType<typeof createFailureLog>;
}

/** Builds the shared repository context over one connection. */
export function createContext({ connection, key, logger, now, faults, logFailure = createFailureLog(logger, () => now().getTime()) }: CreatePgContextOptions): PgContext {
  const fail = (op: string, error: unknown): never => {
    const mapped = toStorageError(error);
    if (!(isAppError(error) || isStorageError(error)) || mapped.code === 'storage_corrupt') {
      logFailure({ op, code: mapped.code, driverCode: errorCodeOf(error), ...describeDriverError(error) }, 'storage operation failed');
    }
    throw mapped;
  };
  return {
    now,
    fail,
    read: async (op, fn) => {
      try {
        return await connection.read(fn);
      } catch (error) {
        return fail(op, error);
      }
    },
    write: async (op, fn) => {
      try {
        faults?.beforeWrite?.(op);
        return await connection.atomic(fn);
      } catch (error) {
        return fail(op, error);
      }
    },
    seal: (text) => encryptText(key, text),
    open: (blob) => decryptText(key, blob),
    sealJson: (value) => encryptJson(key, value),
    openJson: <T>(blob: Uint8Array) => decryptJson<T>(key, blob),
  };
}
