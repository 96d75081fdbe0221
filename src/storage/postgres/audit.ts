import { createRandomId } from '../ids.js';
import { AUDIT_COLUMNS as COLUMNS, type AuditRow, toAuditEvent } from '../rows/audit.js';
import { toJsonText } from '../rows/common.js';
import type { AuditRepository } from '../types.js';
import type { PgContext } from './context.js';

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
