import { createRandomId } from '../ids.js';
import type { AuditEvent, AuditRepository } from '../types.js';
import type { PgContext } from './context.js';

interface AuditRow {
  id: string;
  official_id: string | null;
  actor: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  before: string | null;
  after: string | null;
  created_at: Date;
}

const COLUMNS = 'id, official_id, actor, action, target_kind, target_id, before, after, created_at';

/** SQL NULL for "no state" (undefined); any other value, null included, as JSON text. */
function toJsonText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    officialId: row.official_id ?? undefined,
    actor: row.actor,
    action: row.action,
    targetKind: row.target_kind ?? undefined,
    targetId: row.target_id ?? undefined,
    before: row.before === null ? undefined : JSON.parse(row.before),
    after: row.after === null ? undefined : JSON.parse(row.after),
    createdAt: new Date(row.created_at),
  };
}

/**
 * The audit log on PostgreSQL: append-only, ordered by an identity sequence (timestamps may tie). The caller keeps
 * password hashes, tokens and citizens' personal data out of `before` / `after`.
 */
export function createAuditRepo(ctx: PgContext): AuditRepository {
  return {
    add: ({ officialId, actor, action, targetKind, targetId, before, after }) =>
      ctx.write('audit.add', async (db) => {
        const row = await db.one<AuditRow>(
          `INSERT INTO audit_log (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
          [
            createRandomId(),
            officialId ?? null,
            actor,
            action,
            targetKind ?? null,
            targetId ?? null,
            toJsonText(before),
            toJsonText(after),
            ctx.now(),
          ],
        );
        return toAuditEvent(row!);
      }),

    list: ({ since, officialId, action, targetId, limit } = {}) =>
      ctx.read('audit.list', async (db) =>
        (
          await db.rows<AuditRow>(
            `SELECT ${COLUMNS} FROM audit_log
             WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::text IS NULL OR official_id = $2)
               AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR target_id = $4)
             ORDER BY seq DESC LIMIT $5`,
            [since ?? null, officialId ?? null, action ?? null, targetId ?? null, limit ?? null],
          )
        ).map(toAuditEvent),
      ),
  };
}
