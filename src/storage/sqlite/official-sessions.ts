import { OFFICIAL_SESSION_COLUMNS as COLUMNS, type OfficialSessionRow, toOfficialSession } from '../rows/official-sessions.js';
import type { OfficialSessionRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import { assertOfficialExists } from './officials.js';
import type { Sync } from './runner.js';

/**
 * Officials' log-in sessions on SQLite, keyed by the SHA-256 of the cookie token. A session is over once
 * `expires_at <= now`: it is never returned or extended again, whether or not it has been deleted yet.
 */
export function createOfficialSessionRepo(ctx: SqliteContext): Sync<OfficialSessionRepository> {
  const find = (tokenHash: string) =>
    ctx.statement<[string], OfficialSessionRow>(`SELECT ${COLUMNS} FROM official_sessions WHERE token_hash = ?`).get(tokenHash);

  return {
    create: ({ tokenHash, officialId, csrfToken, expiresAt }) =>
      ctx.write('officialSessions.create', () => {
        assertOfficialExists(ctx, officialId);
        const now = toIso(ctx.now());
        ctx
          .statement<[string, string, string, string, string, string]>(
            `INSERT INTO official_sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(tokenHash, officialId, csrfToken, now, now, toIso(expiresAt));
        return toOfficialSession(find(tokenHash)!);
      }),

    get: (tokenHash) => {
      const now = toIso(ctx.now());
      const row = ctx.read('officialSessions.get', () => find(tokenHash));
      if (!row) return undefined;
      if (row.expires_at > now) return toOfficialSession(row);
      ctx.write('officialSessions.expire', () => {
        ctx.statement<[string, string]>('DELETE FROM official_sessions WHERE token_hash = ? AND expires_at <= ?').run(tokenHash, now);
      });
      return undefined;
    },

    touch: (tokenHash, expiresAt) =>
      ctx.write('officialSessions.touch', () => {
        const now = toIso(ctx.now());
        // A session logged out or expired meanwhile stays gone: touching is not logging in.
        ctx
          .statement<[string, string, string, string]>(
            'UPDATE official_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ? AND expires_at > ?',
          )
          .run(now, toIso(expiresAt), tokenHash, now);
      }),

    delete: (tokenHash) =>
      ctx.write('officialSessions.delete', () => {
        ctx.statement<[string]>('DELETE FROM official_sessions WHERE token_hash = ?').run(tokenHash);
      }),

    deleteForOfficial: (officialId) =>
      ctx.write(
        'officialSessions.deleteForOfficial',
        () => ctx.statement<[string]>('DELETE FROM official_sessions WHERE official_id = ?').run(officialId).changes,
      ),

    purgeExpired: () =>
      ctx.write(
        'officialSessions.purgeExpired',
        () => ctx.statement<[string]>('DELETE FROM official_sessions WHERE expires_at <= ?').run(toIso(ctx.now())).changes,
      ),
  };
}
