import { createRandomId } from '../ids.js';
import { normalizeUsername, OFFICIAL_COLUMNS as COLUMNS, type OfficialRow, toOfficial } from '../rows/officials.js';
import type { OfficialRepository, OfficialWithSecret } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { recordNotFound, usernameTaken } from '../errors.js';

export { normalizeUsername };

/** Throws `not_found` unless the official exists (checked before writes that name one, instead of a FK error). */
export function assertOfficialExists(ctx: SqliteContext, id: string): void {
  const row = ctx.statement<[string], { id: string }>('SELECT id FROM officials WHERE id = ?').get(id);
  if (!row) throw recordNotFound('official');
}

/** Officials' accounts on SQLite. The password hash leaves the repository only through `findByUsername`. */
export function createOfficialRepo(ctx: SqliteContext): Sync<OfficialRepository> {
  const find = (id: string) => ctx.statement<[string], OfficialRow>(`SELECT ${COLUMNS} FROM officials WHERE id = ?`).get(id);
  const mustFind = (id: string): OfficialRow => {
    const row = find(id);
    if (!row) throw recordNotFound('official');
    return row;
  };
  const findByName = (username: string) =>
    ctx.statement<[string], OfficialRow>(`SELECT ${COLUMNS} FROM officials WHERE username = ?`).get(username);

  return {
    create: ({ username, displayName, role, passwordHash }) =>
      ctx.write('officials.create', () => {
        const name = normalizeUsername(username);
        // Checked under the write lock, so no one can take the name in between; UNIQUE backs it up.
        if (findByName(name)) throw usernameTaken();
        const id = createRandomId();
        const now = toIso(ctx.now());
        ctx
          .statement<[string, string, string, string, string, string, string]>(
            `INSERT INTO officials
               (id, username, display_name, role, disabled, failed_attempts, password_hash, created_at, password_changed_at)
             VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)`,
          )
          .run(id, name, displayName, role, passwordHash, now, now);
        return toOfficial(mustFind(id));
      }),

    get: (id) =>
      ctx.read('officials.get', () => {
        const row = find(id);
        return row ? toOfficial(row) : undefined;
      }),

    findByUsername: (username) =>
      ctx.read('officials.findByUsername', (): OfficialWithSecret | undefined => {
        const row = findByName(normalizeUsername(username));
        return row ? { ...toOfficial(row), passwordHash: row.password_hash } : undefined;
      }),

    list: () =>
      ctx.read('officials.list', () =>
        ctx.statement<[], OfficialRow>(`SELECT ${COLUMNS} FROM officials ORDER BY username`).all().map(toOfficial),
      ),

    count: () =>
      ctx.read('officials.count', () => ctx.statement<[], { n: number }>('SELECT COUNT(*) AS n FROM officials').get()?.n ?? 0),

    recordFailure: (id, lockUntil) =>
      ctx.write('officials.recordFailure', () => {
        mustFind(id);
        // Without lockUntil an existing lock stays: a failure never shortens a lock.
        ctx
          .statement<[string | null, string]>(
            'UPDATE officials SET failed_attempts = failed_attempts + 1, locked_until = COALESCE(?, locked_until) WHERE id = ?',
          )
          .run(lockUntil ? toIso(lockUntil) : null, id);
        return toOfficial(mustFind(id));
      }),

    recordSuccess: (id) =>
      ctx.write('officials.recordSuccess', () => {
        const result = ctx
          .statement<[string]>('UPDATE officials SET failed_attempts = 0, locked_until = NULL WHERE id = ?')
          .run(id);
        if (result.changes === 0) throw recordNotFound('official');
      }),

    update: (id, { displayName, role, disabled, passwordHash }) =>
      ctx.write('officials.update', () => {
        mustFind(id);
        ctx
          .statement<[string | null, string | null, number | null, string]>(
            `UPDATE officials SET display_name = COALESCE(?, display_name), role = COALESCE(?, role),
             disabled = COALESCE(?, disabled) WHERE id = ?`,
          )
          .run(displayName ?? null, role ?? null, disabled === undefined ? null : disabled ? 1 : 0, id);
        if (passwordHash !== undefined) {
          // A new password (an admin's reset or the official's own) also lifts a lock-out.
          ctx
            .statement<[string, string, string]>(
              `UPDATE officials SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL
               WHERE id = ?`,
            )
            .run(passwordHash, toIso(ctx.now()), id);
        }
        return toOfficial(mustFind(id));
      }),
  };
}
