import { createRandomId } from '../ids.js';
import { SESSION_COLUMNS as COLUMNS, sessionMapper, type SessionRow } from '../rows/sessions.js';
import type { SessionRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { recordNotFound, sessionEnded } from '../errors.js';

const SELECT = `SELECT ${COLUMNS} FROM sessions WHERE id = ?`;

/** Throws `not_found` / `session_ended` unless the session exists and is still open. */
export function assertSessionOpen(ctx: SqliteContext, id: string): void {
  const row = ctx.statement<[string], { ended_at: string | null }>('SELECT ended_at FROM sessions WHERE id = ?').get(id);
  if (!row) throw recordNotFound('session');
  if (row.ended_at !== null) throw sessionEnded();
}

/** Sessions on SQLite; the dialogue state is encrypted because a form dialogue collects personal data. */
export function createSessionRepo(ctx: SqliteContext): Sync<SessionRepository> {
  const toSession = sessionMapper(ctx);
  const find = (id: string) => ctx.statement<[string], SessionRow>(SELECT).get(id);

  return {
    create: ({ channel, language, state = {} }) =>
      ctx.write('sessions.create', () => {
        const id = createRandomId();
        const now = toIso(ctx.now());
        ctx
          .statement<[string, string, string, Buffer, string, string]>(
            'INSERT INTO sessions (id, channel, language, state, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(id, channel, language, ctx.sealJson(state), now, now);
        return toSession(find(id)!);
      }),

    get: (id) =>
      ctx.read('sessions.get', () => {
        const row = find(id);
        return row ? toSession(row) : undefined;
      }),

    touch: (id) =>
      ctx.write('sessions.touch', () => {
        assertSessionOpen(ctx, id);
        ctx.statement<[string, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(toIso(ctx.now()), id);
      }),

    updateState: (id, state) =>
      ctx.write('sessions.updateState', () => {
        assertSessionOpen(ctx, id);
        ctx
          .statement<[Buffer, string, string]>('UPDATE sessions SET state = ?, last_seen_at = ? WHERE id = ?')
          .run(ctx.sealJson(state), toIso(ctx.now()), id);
      }),

    end: (id) =>
      ctx.write('sessions.end', () => {
        // COALESCE keeps the first end time, so ending twice (kiosk wipe + explicit end) is harmless.
        const result = ctx
          .statement<[string, string]>('UPDATE sessions SET ended_at = COALESCE(ended_at, ?) WHERE id = ?')
          .run(toIso(ctx.now()), id);
        if (result.changes === 0) throw recordNotFound('session');
        return toSession(find(id)!);
      }),
  };
}
