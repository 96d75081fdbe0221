import { createRandomId } from '../ids.js';
import { normalizeUsername, OFFICIAL_COLUMNS as COLUMNS, type OfficialRow, toOfficial } from '../rows/officials.js';
import type { OfficialRepository, OfficialWithSecret } from '../types.js';
import type { PgContext, PgDb } from './context.js';
import { recordNotFound, usernameTaken } from '../errors.js';

export { normalizeUsername };

/** Throws `not_found` unless the official exists; keeps it from being deleted until the transaction ends. */
export async function assertOfficialExists(db: PgDb, id: string): Promise<void> {
  const row = await db.one('SELECT id FROM officials WHERE id = $1 FOR KEY SHARE', [id]);
  if (!row) throw recordNotFound('official');
}

/** Officials' accounts on PostgreSQL. The password hash leaves the repository only through `findByUsername`. */
export function createOfficialRepo(ctx: PgContext): OfficialRepository {
  const find = (db: PgDb, id: string) => db.one<OfficialRow>(`SELECT ${COLUMNS} FROM officials WHERE id = $1`, [id]);
  const mustFind = async (db: PgDb, id: string, forUpdate = false): Promise<OfficialRow> => {
    const row = await db.one<OfficialRow>(`SELECT ${COLUMNS} FROM officials WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw recordNotFound('official');
    return row;
  };

  return {
    create: ({ username, displayName, role, passwordHash }) =>
      ctx.write('officials.create', async (db) => {
        const now = ctx.now();
        // ON CONFLICT instead of check-then-insert: another instance may take the name at the same moment, and a
        // unique violation would abort the caller's transaction.
        const row = await db.one<OfficialRow>(
          `INSERT INTO officials
             (id, username, display_name, role, disabled, failed_attempts, password_hash, created_at, password_changed_at)
           VALUES ($1, $2, $3, $4, false, 0, $5, $6, $6)
           ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
          [createRandomId(), normalizeUsername(username), displayName, role, passwordHash, now],
        );
        if (!row) throw usernameTaken();
        return toOfficial(row);
      }),

    get: (id) =>
      ctx.read('officials.get', async (db) => {
        const row = await find(db, id);
        return row ? toOfficial(row) : undefined;
      }),

    findByUsername: (username) =>
      ctx.read('officials.findByUsername', async (db): Promise<OfficialWithSecret | undefined> => {
        const row = await db.one<OfficialRow>(`SELECT ${COLUMNS} FROM officials WHERE username = $1`, [normalizeUsername(username)]);
        return row ? { ...toOfficial(row), passwordHash: row.password_hash } : undefined;
      }),

    list: () =>
      ctx.read('officials.list', async (db) =>
        // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
        (await db.rows<OfficialRow>(`SELECT ${COLUMNS} FROM officials ORDER BY username COLLATE "C"`)).map(toOfficial),
      ),

    count: () =>
      ctx.read('officials.count', async (db) => (await db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM officials'))?.n ?? 0),

    recordFailure: (id, lockUntil) =>
      ctx.write('officials.recordFailure', async (db) => {
        // Without lockUntil an existing lock stays: a failure never shortens a lock.
        const row = await db.one<OfficialRow>(
          `UPDATE officials SET failed_attempts = failed_attempts + 1, locked_until = COALESCE($2, locked_until)
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, lockUntil ?? null],
        );
        if (!row) throw recordNotFound('official');
        return toOfficial(row);
      }),

    recordSuccess: (id) =>
      ctx.write('officials.recordSuccess', async (db) => {
        const changed = await db.run('UPDATE officials SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
        if (changed === 0) throw recordNotFound('official');
      }),

    update: (id, { displayName, role, disabled, passwordHash }) =>
      ctx.write('officials.update', async (db) => {
        await mustFind(db, id, true);
        await db.run(
          `UPDATE officials SET display_name = COALESCE($2, display_name), role = COALESCE($3, role),
           disabled = COALESCE($4, disabled) WHERE id = $1`,
          [id, displayName ?? null, role ?? null, disabled ?? null],
        );
        if (passwordHash !== undefined) {
          // A new password (an admin's reset or the official's own) also lifts a lock-out.
          await db.run(
            `UPDATE officials SET password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = NULL
             WHERE id = $1`,
            [id, passwordHash, ctx.now()],
          );
        }
        return toOfficial(await mustFind(db, id));
      }),
  };
}
