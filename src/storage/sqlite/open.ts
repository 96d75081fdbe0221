import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../shared/logger.js';
import { toStorageError, type StorageError } from '../errors.js';
import type { AppError } from '../../shared/app-error.js';
import type { ReferenceCodes } from '../references.js';
import type { Storage, StorageTx } from '../types.js';
import { createAuditRepo } from './audit.js';
import { createCallbackRepo, createSettingRepo } from './callbacks.js';
import { createContext, type SqliteContext, type StorageFaults } from './context.js';
import { createDossierRepo } from './dossiers.js';
import { createFeedbackRepo } from './feedback.js';
import { createGapRepo, sealPlainGaps } from './gaps.js';
import { verifyDataKey } from './key-check.js';
import { createMessageRepo } from './messages.js';
import { runMigrations } from './migrations.js';
import { openReadOnlyDatabase } from './open-read-only.js';
import { createOfficialSessionRepo } from './official-sessions.js';
import { createOfficialRepo } from './officials.js';
import { createRetentionRepo } from './retention.js';
import { createRevisionRepo } from './revisions.js';
import { SerialQueue } from '../serial-queue.js';
import { wrapRepo, type Runner } from './runner.js';
import { createSessionRepo } from './sessions.js';
import { createTicketRepo } from './tickets.js';
import { createUsageRepo } from './usage.js';

export type { StorageFaults };

export interface OpenSqliteStorageOptions {
  /** Directory of `ward.db` (created if missing). Give this or `file`. */
  dataDir?: string;
  /** Exact database file; overrides `dataDir`. */
  file?: string;
  /** The 32-byte data key (see ../key.ts). */
  key: Buffer;
  logger: Logger;
  /** The clock; tests pin it to cross ward-day boundaries. */
  now?: () => Date;
  /** How long a write waits for another process's lock before `storage_unavailable`. */
  busyTimeoutMs?: number;
  /** Fault injection for tests (a full or read-only disk) — never set in production. */
  faults?: StorageFaults;
  /** How dossier reference codes are made and read back (src/dossiers/reference-code.ts), injected by the storage factory. */
  references: ReferenceCodes;
  /** Overrides `references.create`; tests inject collisions. */
  createReference?: () => string;
}

/** Name of the database file inside the data directory. */
export const DATABASE_FILE = 'ward.db';

function buildRepos(ctx: SqliteContext, run: Runner, references: ReferenceCodes): StorageTx {
  return {
    sessions: wrapRepo(createSessionRepo(ctx), run),
    messages: wrapRepo(createMessageRepo(ctx), run),
    tickets: wrapRepo(createTicketRepo(ctx), run),
    feedback: wrapRepo(createFeedbackRepo(ctx), run),
    gaps: wrapRepo(createGapRepo(ctx), run),
    retention: wrapRepo(createRetentionRepo(ctx), run),
    dossiers: wrapRepo(createDossierRepo(ctx, references), run),
    callbacks: wrapRepo(createCallbackRepo(ctx), run),
    settings: wrapRepo(createSettingRepo(ctx), run),
    officials: wrapRepo(createOfficialRepo(ctx), run),
    officialSessions: wrapRepo(createOfficialSessionRepo(ctx), run),
    revisions: wrapRepo(createRevisionRepo(ctx), run),
    audit: wrapRepo(createAuditRepo(ctx), run),
    usage: wrapRepo(createUsageRepo(ctx), run),
  };
}

function openDatabase(file: string, key: Buffer, logger: Logger, busyTimeoutMs: number, faults: StorageFaults | undefined): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    faults?.beforeOpenForWriting?.();
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') logger.warn({ mode }, 'database is not in WAL mode');
    db.pragma('foreign_keys = ON');
    // Deleted and overwritten rows are zeroed in the file, so purged or re-sealed personal data does not linger.
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
    db.pragma('synchronous = NORMAL');
    const applied = runMigrations(db);
    if (applied > 0) logger.info({ applied }, 'database migrated');
    verifyDataKey(db, key, logger);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * An existing database the disk will not let us write (a read-only mount): opened read-only, so citizens still get
 * answers and every write is refused politely (docs/operations.md). Anything else stops the start.
 */
function openReadOnlyOrThrow(file: string, key: Buffer, logger: Logger, cause: StorageError | AppError): Database.Database {
  if (cause.code === 'storage_unavailable' && existsSync(file)) {
    try {
      const db = openReadOnlyDatabase(file, key, logger);
      logger.warn({ file }, 'the database cannot be written: opened read-only; answering questions, refusing writes until restarted on a writable disk');
      return db;
    } catch (error) {
      const mapped = toStorageError(error);
      logger.error({ code: mapped.code, file }, 'cannot open the database, not even read-only');
      throw mapped;
    }
  }
  logger.error({ code: cause.code, file }, 'cannot open the database');
  throw cause;
}

/** Seals what an older release stored in plain text (gap questions, migration 4); skipped while the disk refuses writes. */
function sealLegacyRows(ctx: SqliteContext, logger: Logger): void {
  try {
    const sealed = sealPlainGaps(ctx);
    if (sealed === 0) return;
    // Moves the rewritten pages into the database file now, so the old plain text leaves the file and the WAL.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    logger.info({ sealed }, 'unanswered questions sealed at rest');
  } catch {
    // Read-only or full: they stay readable and are sealed at the next start that can write.
  }
}

/** Opens (creating and migrating as needed) the SQLite database and returns the asynchronous storage over it. */
export async function openSqliteStorage(options: OpenSqliteStorageOptions): Promise<Storage> {
  const { key, now = () => new Date(), busyTimeoutMs = 5000, faults, createReference = options.references.create } = options;
  const logger = options.logger.child({ module: 'storage' });
  const references: ReferenceCodes = { create: createReference, normalize: options.references.normalize };
  const file = options.file ?? (options.dataDir ? path.join(options.dataDir, DATABASE_FILE) : undefined);
  if (file === undefined) throw new Error('openSqliteStorage needs dataDir or file');

  let db: Database.Database;
  try {
    db = openDatabase(file, key, logger, busyTimeoutMs, faults);
  } catch (error) {
    db = openReadOnlyOrThrow(file, key, logger, toStorageError(error));
  }

  const ctx = createContext({ db, key, logger, now, faults });
  sealLegacyRows(ctx, logger);
  const queue = new SerialQueue();
  const scopes = new AsyncLocalStorage<{ open: boolean }>();
  let closed = false;

  const outsideOnly = (): Error | undefined => {
    if (closed) return new Error('storage is closed');
    // Inside transaction() the queue is held by that transaction: waiting on it would deadlock.
    if (scopes.getStore()?.open) return new Error('inside storage.transaction(), use the tx argument, not the storage');
    return undefined;
  };
  const runOutside: Runner = (fn) => {
    const misuse = outsideOnly();
    return misuse ? Promise.reject(misuse) : queue.run(fn);
  };

  const runTransaction = async <T>(fn: (tx: StorageTx) => Promise<T>): Promise<T> => {
    const scope = { open: true };
    const runInside: Runner = (step) =>
      new Promise((resolve) => {
        if (!scope.open) throw new Error('this transaction has already finished');
        resolve(step());
      });
    ctx.read('transaction.begin', () => db.exec('BEGIN IMMEDIATE'));
    try {
      const result = await scopes.run(scope, () => fn(buildRepos(ctx, runInside, references)));
      scope.open = false;
      ctx.read('transaction.commit', () => {
        faults?.beforeWrite?.('transaction.commit');
        db.exec('COMMIT');
      });
      return result;
    } catch (error) {
      // The caller's own errors pass through untouched; only the database work is undone.
      if (db.inTransaction) ctx.read('transaction.rollback', () => db.exec('ROLLBACK'));
      throw error;
    } finally {
      scope.open = false;
    }
  };

  return {
    ...buildRepos(ctx, runOutside, references),
    transaction: (fn) => {
      const misuse = outsideOnly();
      return misuse ? Promise.reject(misuse) : queue.run(() => runTransaction(fn));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await queue.run(() => db.close());
    },
  };
}
