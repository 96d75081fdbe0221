import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../src/storage/index.js';
import { MIGRATIONS } from '../../src/storage/postgres/migrations.js';
import type { Storage } from '../../src/storage/types.js';
import { buildSilentLogger } from '../helpers/logger.js';
import { postgresRequired, postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { buildClock } from '../helpers/storage.js';
import type { ContractOpenOptions } from './harness.js';
import { describeStorageContract } from './storage.contract.js';
import { asClientSees } from '../helpers/client-error.js';

const unavailable = postgresUnavailableReason();
if (unavailable && postgresRequired()) {
  // In CI a missing PostgreSQL is a broken machine, not a reason to skip.
  throw new Error(`PostgreSQL storage tests cannot run: ${unavailable}`);
}
if (unavailable) console.warn(`Skipping the PostgreSQL storage contract: ${unavailable}`);

let server: TestPostgres | undefined;
beforeAll(async () => {
  if (!unavailable) server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Opens a storage on `url` with the contract's options; small pools keep many test databases cheap. */
function openOn(url: string, options: ContractOpenOptions & { key: Buffer }, poolSize = 4): Promise<Storage> {
  return openPostgresStorage({
    url,
    key: options.key,
    logger: options.logger ?? buildSilentLogger(),
    now: options.now,
    faults: options.faults,
    createReference: options.createReference,
    poolSize,
  });
}

describe.skipIf(Boolean(unavailable))('postgres', () => {
  describeStorageContract('postgres', async (options) => {
    const url = await server!.createDatabase();
    const key = options.key ?? randomBytes(32);
    const opened: Storage[] = [];
    const open = async (overrides: Partial<ContractOpenOptions> = {}) => {
      const storage = await openOn(url, { ...options, key, ...overrides });
      opened.push(storage);
      return storage;
    };
    const storage = await open();
    const raw = new pg.Pool({ connectionString: url, max: 2 });
    return {
      storage,
      key,
      open,
      query: async <R>(sql: string, params: unknown[] = []) => (await raw.query(sql, params)).rows as R[],
      cleanup: async () => {
        for (const each of opened) await each.close();
        await raw.end();
      },
    };
  });

  describe('several instances on one database', () => {
    it('migrates once when two instances start together, and both work', async () => {
      const url = await server!.createDatabase();
      const key = randomBytes(32);
      const [a, b] = await Promise.all([
        openOn(url, { now: () => new Date(), key }),
        openOn(url, { now: () => new Date(), key }),
      ]);
      try {
        const session = await a.sessions.create({ channel: 'kiosk', language: 'vi', state: { x: 1 } });
        expect((await b.sessions.get(session.id))?.state).toEqual({ x: 1 });
        const raw = new pg.Client({ connectionString: url });
        await raw.connect();
        const { rows } = await raw.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        await raw.end();
        expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('numbers tickets 1..40 without duplicates when two pools create 20 each at once', async () => {
      const url = await server!.createDatabase();
      const key = randomBytes(32);
      const clock = buildClock('2026-03-10T03:00:00.000Z');
      const a = await openOn(url, { now: clock.now, key }, 10);
      const b = await openOn(url, { now: clock.now, key }, 10);
      try {
        const burst = (storage: Storage) => Array.from({ length: 20 }, () => storage.tickets.create());
        const tickets = await Promise.all([...burst(a), ...burst(b)]);
        const numbers = tickets.map((t) => t.number).sort((x, y) => x - y);
        expect(numbers).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
        expect(new Set(tickets.map((t) => t.wardDay))).toEqual(new Set(['2026-03-10']));
        expect((await b.tickets.listToday()).map((t) => t.number)).toEqual(numbers);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('takes usernames and dossier references once across instances', async () => {
      const url = await server!.createDatabase();
      const key = randomBytes(32);
      const now = () => new Date('2026-03-10T03:00:00.000Z');
      const a = await openOn(url, { now, key, createReference: () => 'HS-7K3-M9Q-XD' });
      const b = await openOn(url, { now, key, createReference: () => 'HS-7K3-M9Q-XD' });
      try {
        const create = (storage: Storage) =>
          storage.officials.create({ username: 'admin', displayName: 'A', role: 'admin', passwordHash: 'h' }).then(
            () => 'ok',
            (error: { code?: string }) => error.code,
          );
        expect((await Promise.all([create(a), create(b)])).sort()).toEqual(['ok', 'username_taken']);
        const dossier = (storage: Storage) =>
          storage.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' }).then(
            () => 'ok',
            (error: { code?: string }) => error.code,
          );
        expect((await Promise.all([dossier(a), dossier(b)])).sort()).toEqual(['ok', 'storage_failed']);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('survives the server dropping its connections: storage_unavailable at worst, then working again', async () => {
      const url = await server!.createDatabase();
      const storage = await openOn(url, { now: () => new Date(), key: randomBytes(32) });
      const dropConnections = async () => {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        await admin.end();
      };
      try {
        await storage.gaps.add({ question: 'q1', language: 'vi', reason: 'unanswered' });
        const inside = storage.transaction(async (tx) => {
          await tx.gaps.add({ question: 'q2', language: 'vi', reason: 'unanswered' });
          await dropConnections();
          await tx.gaps.add({ question: 'q3', language: 'vi', reason: 'unanswered' });
        });
        await expect(asClientSees(inside)).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
        await dropConnections();
        await new Promise((resolve) => setTimeout(resolve, 50));
        // A pooled connection may die under the first call; the one after gets a fresh one.
        const first = await storage.gaps.list().catch((error: unknown) => error);
        if (first instanceof Error) expect(first).toMatchObject({ code: 'storage_unavailable' });
        expect((await storage.gaps.list()).map((gap) => gap.question)).toEqual(['q1']);
      } finally {
        await storage.close();
      }
    });

    it('reports an unreachable server as storage_unavailable', async () => {
      const url = 'postgres://postgres@127.0.0.1:1/none';
      await expect(asClientSees(openOn(url, { now: () => new Date(), key: randomBytes(32) }))).rejects.toMatchObject({
        code: 'storage_unavailable',
        status: 503,
      });
    });
  });
});
