import { createRandomId } from '../ids.js';
import { AUDIT_COLUMNS as COLUMNS, type AuditRow, toAuditEvent } from '../rows/audit.js';
import { toJsonText } from '../rows/common.js';
import type { AuditRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';

/**
 * The audit log on SQLite: append-only, ordered by an integer sequence (timestamps may tie). The caller keeps
 * password hashes, tokens and citizens' personal data out of `before` / `after`.
 */
export function createAuditRepo(ctx: SqliteContext): Sync<AuditRepository> {
  return {
    add: ({ officialId, actor, action, targetKind, targetId, before, after }) =>
      ctx.write('audit.add', () => {
        const id = createRandomId();
        const event: AuditRow = {
          id,
          official_id: officialId ?? null,
          actor,
          action,
          target_kind: targetKind ?? null,
          target_id: targetId ?? null,
          before: toJsonText(before),
          after: toJsonText(after),
          created_at: toIso(ctx.now()),
        };
        ctx
          .statement<[AuditRow]>(
            `INSERT INTO audit_log (${COLUMNS})
             VALUES (@id, @official_id, @actor, @action, @target_kind, @target_id, @before, @after, @created_at)`,
          )
          .run(event);
        return toAuditEvent(event);
      }),

    list: ({ since, officialId, action, targetId, limit } = {}) =>
      ctx.read('audit.list', () =>
        ctx
          .statement<[Record<string, string | number | null>], AuditRow>(
            `SELECT ${COLUMNS} FROM audit_log
             WHERE (@since IS NULL OR created_at >= @since) AND (@official IS NULL OR official_id = @official)
               AND (@action IS NULL OR action = @action) AND (@target IS NULL OR target_id = @target)
             ORDER BY seq DESC LIMIT @limit`,
          )
          .all({
            since: since ? toIso(since) : null,
            official: officialId ?? null,
            action: action ?? null,
            target: targetId ?? null,
            limit: limit ?? -1,
          })
          .map(toAuditEvent),
      ),
  };
}
