import { OFFICIAL_SESSION_COLUMNS as COLUMNS, type OfficialSessionRow, toOfficialSession } from '../rows/official-sessions.js';
import type { OfficialSessionRepository } from '../types.js';
import type { PgContext, PgDb } from './context.js';
import { assertOfficialExists } from './officials.js';

/**
 * Officials' log-in sessions on PostgreSQL, keyed by the SHA-256 of the cookie token. A session is over once
 * `expires_at <= now`: it is never returned or extended again, whether or not it has been deleted yet.
 */
export function createOfficialSessionRepo(ctx: PgContext): OfficialSessionRepository {
  const find = (db: PgDb, tokenHash: string) =>
    db.one<OfficialSessionRow>(`SELECT ${COLUMNS} FROM official_sessions WHERE token_hash = $1`, [tokenHash]);

  return {
    create: ({ tokenHash, officialId, csrfToken, expiresAt }) =>
      ctx.write('officialSessions.create', async (db) => {
        await assertOfficialExists(db, officialId);
        const row = await db.one<OfficialSessionRow>(
          `INSERT INTO official_sessions (${COLUMNS}) VALUES ($1, $2, $3, $4, $4, $5) RETURNING ${COLUMNS}`,
          [tokenHash, officialId, csrfToken, ctx.now(), expiresAt],
        );
        return toOfficialSession(row!);
      }),

    get: async (tokenHash) => {
      const now = ctx.now();
      const row = await ctx.read('officialSessions.get', (db) => find(db, tokenHash));
      if (!row) return undefined;
      const session = toOfficialSession(row);
      if (session.expiresAt.getTime() > now.getTime()) return session;
      await ctx.write('officialSessions.expire', (db) =>
        db.run('DELETE FROM official_sessions WHERE token_hash = $1 AND expires_at <= $2', [tokenHash, now]),
      );
      return undefined;
    },

    touch: (tokenHash, expiresAt) =>
      ctx.write('officialSessions.touch', async (db) => {
        const now = ctx.now();
        // A session logged out or expired meanwhile stays gone: touching is not logging in.
        await db.run('UPDATE official_sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1 AND expires_at > $2', [
          tokenHash,
          now,
          expiresAt,
        ]);
      }),

    delete: (tokenHash) =>
      ctx.write('officialSessions.delete', async (db) => {
        await db.run('DELETE FROM official_sessions WHERE token_hash = $1', [tokenHash]);
      }),

    deleteForOfficial: (officialId) =>
      ctx.write('officialSessions.deleteForOfficial', (db) => db.run('DELETE FROM official_sessions WHERE official_id = $1', [officialId])),

    purgeExpired: () =>
      ctx.write('officialSessions.purgeExpired', (db) => db.run('DELETE FROM official_sessions WHERE expires_at <= $1', [ctx.now()])),
  };
}
