import { createRandomId } from '../ids.js';
import { SESSION_COLUMNS as COLUMNS, sessionMapper, type SessionRow } from '../rows/sessions.js';
import type { SessionRepository } from '../types.js';
import type { PgContext, PgDb } from './context.js';
import { recordNotFound, sessionEnded } from '../errors.js';

/** Throws `not_found` / `session_ended` unless the session exists and is open; locks it against a concurrent end. */
export async function assertSessionOpen(db: PgDb, id: string): Promise<void> {
  const row = await db.one<{ ended_at: Date | null }>('SELECT ended_at FROM sessions WHERE id = $1 FOR SHARE', [id]);
  if (!row) throw recordNotFound('session');
  if (row.ended_at !== null) throw sessionEnded();
}

/**
 * Records activity on an open session in one statement (so no instance can end it in between); otherwise throws
 * the reason: `not_found` or `session_ended`.
 */
export async function touchOpenSession(db: PgDb, id: string, now: Date, state?: Buffer): Promise<void> {
  const changed =
    state === undefined
      ? await db.run('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL', [id, now])
      : await db.run('UPDATE sessions SET state = $3, last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL', [id, now, state]);
  if (changed === 0) await assertSessionOpen(db, id);
}

/** Sessions on PostgreSQL; the dialogue state is encrypted because a form dialogue collects personal data. */
export function createSessionRepo(ctx: PgContext): SessionRepository {
  const toSession = sessionMapper(ctx);

  return {
    create: ({ channel, language, state = {} }) =>
      ctx.write('sessions.create', async (db) => {
        const now = ctx.now();
        const row = await db.one<SessionRow>(
          `INSERT INTO sessions (id, channel, language, state, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)
           RETURNING ${COLUMNS}`,
          [createRandomId(), channel, language, ctx.sealJson(state), now],
        );
        return toSession(row!);
      }),

    get: (id) =>
      ctx.read('sessions.get', async (db) => {
        const row = await db.one<SessionRow>(`SELECT ${COLUMNS} FROM sessions WHERE id = $1`, [id]);
        return row ? toSession(row) : undefined;
      }),

    touch: (id) => ctx.write('sessions.touch', (db) => touchOpenSession(db, id, ctx.now())),

    updateState: (id, state) =>
      ctx.write('sessions.updateState', (db) => touchOpenSession(db, id, ctx.now(), ctx.sealJson(state))),

    end: (id) =>
      ctx.write('sessions.end', async (db) => {
        // COALESCE keeps the first end time, so ending twice (kiosk wipe + explicit end) is harmless.
        const row = await db.one<SessionRow>(
          `UPDATE sessions SET ended_at = COALESCE(ended_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, ctx.now()],
        );
        if (!row) throw recordNotFound('session');
        return toSession(row);
      }),
  };
}
