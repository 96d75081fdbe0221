import { callbackClosed, recordNotFound } from '../errors.js';
import { createRandomId } from '../ids.js';
import { CALLBACK_COLUMNS as COLUMNS, callbackMapper, type CallbackRow } from '../rows/callbacks.js';
import type { CallbackRepository, SettingRepository } from '../types.js';
import type { PgContext, PgDb } from './context.js';
import { assertSessionOpen } from './sessions.js';

/** Deletes call-back requests made before `cutoff` (the retention purge); returns how many went. */
export function deleteCallbacksBefore(db: PgDb, cutoff: Date): Promise<number> {
  return db.run('DELETE FROM callback_requests WHERE created_at < $1', [cutoff]);
}

/** Call-back requests on PostgreSQL: the name and phone sealed together in one encrypted blob. */
export function createCallbackRepo(ctx: PgContext): CallbackRepository {
  const toCallback = callbackMapper(ctx);
  const find = (db: PgDb, id: string, forUpdate = false) =>
    db.one<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return {
    create: ({ name, phone, language, sessionId, topic }) =>
      ctx.write('callbacks.create', async (db) => {
        if (sessionId !== undefined) await assertSessionOpen(db, sessionId);
        const row = await db.one<CallbackRow>(
          `INSERT INTO callback_requests (id, status, language, session_id, topic, sealed_contact, created_at)
           VALUES ($1, 'new', $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [createRandomId(), language, sessionId ?? null, topic ?? null, ctx.sealJson({ name, phone }), ctx.now()],
        );
        return toCallback(row!);
      }),

    get: (id) =>
      ctx.read('callbacks.get', async (db) => {
        const row = await find(db, id);
        return row ? toCallback(row) : undefined;
      }),

    list: ({ status } = {}) =>
      ctx.read('callbacks.list', async (db) =>
        (
          await db.rows<CallbackRow>(
            `SELECT ${COLUMNS} FROM callback_requests WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at, seq`,
            [status ?? null],
          )
        ).map(toCallback),
      ),

    mark: (id, status, { by } = {}) =>
      ctx.write('callbacks.mark', async (db) => {
        const row = await find(db, id, true);
        if (!row) throw recordNotFound('callback');
        if (row.status === 'done') throw callbackClosed();
        const column = status === 'called' ? 'called_at' : 'finished_at';
        const updated = await db.one<CallbackRow>(
          `UPDATE callback_requests SET status = $2, ${column} = $3, handled_by = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, status, ctx.now(), by === undefined ? null : ctx.seal(by)],
        );
        return toCallback(updated!);
      }),
  };
}

/** Run-time settings on PostgreSQL: JSON text by key, shared by every instance. */
export function createSettingRepo(ctx: PgContext): SettingRepository {
  return {
    get: (key) =>
      ctx.read('settings.get', async (db) => {
        const row = await db.one<{ value: string; updated_at: Date }>('SELECT value, updated_at FROM ward_options WHERE key = $1', [key]);
        return row ? { value: JSON.parse(row.value) as unknown, updatedAt: new Date(row.updated_at) } : undefined;
      }),
    set: (key, value) =>
      ctx.write('settings.set', async (db) => {
        await db.run(
          'INSERT INTO ward_options (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at',
          [key, JSON.stringify(value), ctx.now()],
        );
      }),
  };
}
