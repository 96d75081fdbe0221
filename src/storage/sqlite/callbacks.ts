import { callbackClosed, recordNotFound } from '../errors.js';
import { createRandomId } from '../ids.js';
import { CALLBACK_COLUMNS as COLUMNS, callbackMapper, type CallbackRow } from '../rows/callbacks.js';
import type { CallbackRepository, SettingRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { assertSessionOpen } from './sessions.js';

/** Deletes call-back requests made before `cutoff` (the retention purge); returns how many went. */
export function deleteCallbacksBefore(ctx: SqliteContext, cutoff: Date): number {
  return ctx.statement<[string]>('DELETE FROM callback_requests WHERE created_at < ?').run(toIso(cutoff)).changes;
}

/** Call-back requests on SQLite: the name and phone sealed together in one encrypted blob. */
export function createCallbackRepo(ctx: SqliteContext): Sync<CallbackRepository> {
  const toCallback = callbackMapper(ctx);
  const find = (id: string) => ctx.statement<[string], CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = ?`).get(id);
  return {
    create: ({ name, phone, language, sessionId, topic }) =>
      ctx.write('callbacks.create', () => {
        if (sessionId !== undefined) assertSessionOpen(ctx, sessionId);
        const id = createRandomId();
        ctx
          .statement<[string, string, string | null, string | null, Buffer, string]>(
            `INSERT INTO callback_requests (id, status, language, session_id, topic, sealed_contact, created_at)
             VALUES (?, 'new', ?, ?, ?, ?, ?)`,
          )
          .run(id, language, sessionId ?? null, topic ?? null, ctx.sealJson({ name, phone }), toIso(ctx.now()));
        return toCallback(find(id)!);
      }),

    get: (id) => ctx.read('callbacks.get', () => {
      const row = find(id);
      return row ? toCallback(row) : undefined;
    }),

    list: ({ status } = {}) =>
      ctx.read('callbacks.list', () =>
        ctx
          .statement<[string | null, string | null], CallbackRow>(
            `SELECT ${COLUMNS} FROM callback_requests WHERE (? IS NULL OR status = ?) ORDER BY created_at, rowid`,
          )
          .all(status ?? null, status ?? null)
          .map(toCallback),
      ),

    mark: (id, status, { by } = {}) =>
      ctx.write('callbacks.mark', () => {
        const row = find(id);
        if (!row) throw recordNotFound('callback');
        if (row.status === 'done') throw callbackClosed();
        const now = toIso(ctx.now());
        const handledBy = by === undefined ? null : ctx.seal(by);
        if (status === 'called') {
          ctx.statement<[string, Buffer | null, string]>("UPDATE callback_requests SET status = 'called', called_at = ?, handled_by = ? WHERE id = ?").run(now, handledBy, id);
        } else {
          ctx.statement<[string, Buffer | null, string]>("UPDATE callback_requests SET status = 'done', finished_at = ?, handled_by = ? WHERE id = ?").run(now, handledBy, id);
        }
        return toCallback(find(id)!);
      }),
  };
}

/** Run-time settings on SQLite: JSON text by key. */
export function createSettingRepo(ctx: SqliteContext): Sync<SettingRepository> {
  return {
    get: (key) =>
      ctx.read('settings.get', () => {
        const row = ctx.statement<[string], { value: string; updated_at: string }>('SELECT value, updated_at FROM ward_options WHERE key = ?').get(key);
        return row ? { value: JSON.parse(row.value) as unknown, updatedAt: new Date(row.updated_at) } : undefined;
      }),
    set: (key, value) =>
      ctx.write('settings.set', () => {
        ctx
          .statement<[string, string, string]>(
            'INSERT INTO ward_options (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
          )
          .run(key, JSON.stringify(value), toIso(ctx.now()));
      }),
  };
}
