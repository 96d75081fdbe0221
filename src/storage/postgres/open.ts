import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Logger } from '../../shared/logger.js';
import { toStorageError } from '../errors.js';
import { SerialQueue } from '../serial-queue.js';
import type { ReferenceCodes } from '../references.js';
import type { Storage, StorageTx } from '../types.js';
import { createAuditRepo } from './audit.js';
import {
  checkOut,
  createClientConnection,
  createContext,
  createPoolConnection,
  type CheckedOutClient,
  type PgContext,
  type StorageFaults,
} from './context.js';
import { createCallbackRepo, createSettingRepo } from './callbacks.js';
import { createDossierRepo } from './dossiers.js';
import { createFeedbackRepo } from './feedback.js';
import { createGapRepo } from './gaps.js';
import { createFailureLog } from '../failure-log.js';
import { sealPlainGaps } from './gaps.js';
import { verifyDataKey } from './key-check.js';
import { createMessageRepo } from './messages.js';
import { MIGRATION_LOCK_KEY, runMigrations } from './migrations.js';
import { createOfficialSessionRepo } from './official-sessions.js';
import { createOfficialRepo } from './officials.js';
import { createRetentionRepo } from './retention.js';
import { createRevisionRepo } from './revisions.js';
import { createSessionRepo } from './sessions.js';
import { createTicketRepo } from './tickets.js';
import { createUsageRepo } from './usage.js';

export interface OpenPostgresStorageOptions {
  /** Connection string, e.g. `postgres://ward:secret@db.internal:5432/ward`. */
  url: string;
  /** The 32-byte data key (see ../key.ts); every instance sharing the database must use the same one. */
  key: Buffer;
  logger: Logger;
  /** The clock; tests pin it to cross ward-day boundaries. */
  now?: () => Date;
  /** Fault injection for tests (a full or read-only disk) — never set in production. */
  faults?: StorageFaults;
  /** How dossier reference codes are made and read back (src/dossiers/reference-code.ts), injected by the storage factory. */
  references: ReferenceCodes;
  /** Overrides `references.create`; tests inject collisions. */
  createReference?: () => string;
  /** Connections in this instance's pool (default 10). */
  poolSize?: number;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Runs one repository call at the right moment (or refuses it) and hands back its result. */
type Guard = <R>(fn: () => Promise<R>) => Promise<R>;

/** Exposes a repository through a guard, method by method. */
function guardRepo<T extends object>(repo: T, guard: Guard): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repo) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    guarded[name] = (...args: unknown[]) => guard(() => method(...args));
  }
  return guarded as T;
}

function buildRepos(ctx: PgContext, guard: Guard, references: ReferenceCodes): StorageTx {
  return {
    sessions: guardRepo(createSessionRepo(ctx), guard),
    messages: guardRepo(createMessageRepo(ctx), guard),
    tickets: guardRepo(createTicketRepo(ctx), guard),
    feedback: guardRepo(createFeedbackRepo(ctx), guard),
    gaps: guardRepo(createGapRepo(ctx), guard),
    retention: guardRepo(createRetentionRepo(ctx), guard),
    dossiers: guardRepo(createDossierRepo(ctx, references), guard),
    callbacks: guardRepo(createCallbackRepo(ctx), guard),
    settings: guardRepo(createSettingRepo(ctx), guard),
    officials: guardRepo(createOfficialRepo(ctx), guard),
    officialSessions: guardRepo(createOfficialSessionRepo(ctx), guard),
    revisions: guardRepo(createRevisionRepo(ctx), guard),
    audit: guardRepo(createAuditRepo(ctx), guard),
    usage: guardRepo(createUsageRepo(ctx), guard),
  };
}

/** Migrates and checks the data key on one connection, under an advisory lock so instances starting together take turns. */
async function prepareDatabase(pool: pg.Pool, key: Buffer, logger: Logger): Promise<void> {
  const { client, release } = await checkOut(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await runMigrations(client);
      if (applied > 0) logger.info({ applied }, 'database migrated');
      await verifyDataKey(client, key, logger);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    // Destroyed rather than pooled: should the unlock have failed, the session-level lock dies with the connection.
    release(true);
  }
}

/** Opens (migrating as needed) a PostgreSQL database shared by any number of instances, as the asynchronous storage. */
export async function openPostgresStorage(options: OpenPostgresStorageOptions): Promise<Storage> {
  const { url, key, now = () => new Date(), faults, createReference = options.references.create, poolSize = 10 } = options;
  const logger = options.logger.child({ module: 'storage' });
  const references: ReferenceCodes = { create: createReference, normalize: options.references.normalize };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // An unreachable server fails a request within seconds (storage_unavailable) instead of hanging it.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'ward-assistant-storage',
  });
  // An idle client losing its server (restart, failover) emits here; unhandled, it would crash the process.
  pool.on('error', (error) => logger.warn({ driverCode: (error as { code?: string }).code }, 'idle database connection lost'));

  try {
    await prepareDatabase(pool, key, logger);
  } catch (error) {
    const mapped = toStorageError(error);
    logger.error({ code: mapped.code, driverCode: (error as { code?: string }).code }, 'cannot open the database');
    await pool.end().catch(() => undefined);
    throw mapped;
  }

  const logFailure = createFailureLog(logger, () => now().getTime());
  const ctx = createContext({ connection: createPoolConnection(pool), key, logger, now, faults, logFailure });
  await sealPlainGaps(ctx).then(
    (sealed) => sealed > 0 && logger.info({ sealed }, 'unanswered questions sealed at rest'),
    // A read-only standby: they are sealed by the next instance that can write.
    () => undefined,
  );
  const scopes = new AsyncLocalStorage<{ open: boolean }>();
  const active = new Set<Promise<unknown>>();
  let closed = false;

  const outsideOnly = (): Error | undefined => {
    if (closed) return new Error('storage is closed');
    // The outer storage would run on another connection, outside the transaction (or wait on a row it holds).
    if (scopes.getStore()?.open) return new Error('inside storage.transaction(), use the tx argument, not the storage');
    return undefined;
  };
  const track = <R>(work: Promise<R>): Promise<R> => {
    active.add(work);
    const forget = () => active.delete(work);
    work.then(forget, forget);
    return work;
  };
  const guardOutside: Guard = (fn) => {
    const misuse = outsideOnly();
    return misuse ? Promise.reject(misuse) : track(fn());
  };

  const runTransaction = async <T>(fn: (tx: StorageTx) => Promise<T>): Promise<T> => {
    let checkedOut: CheckedOutClient;
    try {
      checkedOut = await checkOut(pool);
    } catch (error) {
      return ctx.fail('transaction.begin', error);
    }
    const { client } = checkedOut;
    const scope = { open: true };
    // One client runs one statement at a time: calls on `tx` are queued so savepoints never interleave.
    const queue = new SerialQueue();
    const guardInside: Guard = (step) =>
      scope.open ? queue.run(step) : Promise.reject(new Error('this transaction has already finished'));
    const txCtx = createContext({ connection: createClientConnection(client), key, logger, now, faults, logFailure });
    let finished = false;
    let broken = false;
    try {
      await txCtx.read('transaction.begin', () => client.query('BEGIN'));
      const result = await scopes.run(scope, () => fn(buildRepos(txCtx, guardInside, references)));
      scope.open = false;
      await queue.run(() => undefined); // calls the callback did not await finish before the commit
      try {
        faults?.beforeWrite?.('transaction.commit');
        await client.query('COMMIT');
        finished = true;
      } catch (error) {
        txCtx.fail('transaction.commit', error);
      }
      return result;
    } catch (error) {
      // The caller's own errors pass through untouched; only the database work is undone.
      if (!finished) {
        await queue.run(() => undefined);
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
      }
      throw error;
    } finally {
      scope.open = false;
      checkedOut.release(broken);
    }
  };

  return {
    ...buildRepos(ctx, guardOutside, references),
    transaction: (fn) => {
      const misuse = outsideOnly();
      return misuse ? Promise.reject(misuse) : track(runTransaction(fn));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...active]);
      await pool.end();
    },
  };
}
