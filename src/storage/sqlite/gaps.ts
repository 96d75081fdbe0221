import { notFoundError } from '../../shared/errors.js';
import { createRandomId } from '../ids.js';
import { GAP_COLUMNS as COLUMNS, type GapRow, toGap } from '../rows/gaps.js';
import type { Gap, GapRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';

/**
 * Unanswered questions on SQLite. Stored in plain text on purpose — officials read and group them — so the
 * caller must redact personal data before `add`.
 */
export function createGapRepo(ctx: SqliteContext): Sync<GapRepository> {
  const mustFind = (id: string): Gap => {
    const row = ctx.statement<[string], GapRow>(`SELECT ${COLUMNS} FROM gaps WHERE id = ?`).get(id);
    if (!row) throw notFoundError('Không tìm thấy câu hỏi.');
    return toGap(row);
  };

  return {
    add: ({ question, language, reason, topIds = [] }) =>
      ctx.write('gaps.add', () => {
        const id = createRandomId();
        ctx
          .statement<[string, string, string, string, string, string]>(
            `INSERT INTO gaps (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 'open', ?)`,
          )
          .run(id, question, language, reason, JSON.stringify(topIds), toIso(ctx.now()));
        return mustFind(id);
      }),

    list: ({ since, status, limit } = {}) =>
      ctx.read('gaps.list', () =>
        ctx
          .statement<[string | null, string | null, string | null, string | null, number], GapRow>(
            `SELECT ${COLUMNS} FROM gaps
             WHERE (? IS NULL OR created_at >= ?) AND (? IS NULL OR status = ?)
             ORDER BY created_at DESC, rowid DESC LIMIT ?`,
          )
          .all(since ? toIso(since) : null, since ? toIso(since) : null, status ?? null, status ?? null, limit ?? -1)
          .map(toGap),
      ),

    setStatus: (id, status) =>
      ctx.write('gaps.setStatus', () => {
        const result = ctx.statement<[string, string]>('UPDATE gaps SET status = ? WHERE id = ?').run(status, id);
        if (result.changes === 0) throw notFoundError('Không tìm thấy câu hỏi.');
        return mustFind(id);
      }),
  };
}
