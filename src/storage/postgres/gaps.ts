import { notFoundError } from '../../shared/errors.js';
import { createRandomId } from '../ids.js';
import { GAP_COLUMNS as COLUMNS, type GapRow, toGap } from '../rows/gaps.js';
import type { GapRepository } from '../types.js';
import type { PgContext } from './context.js';

/**
 * Unanswered questions on PostgreSQL. Stored in plain text on purpose — officials read and group them — so the
 * caller must redact personal data before `add`.
 */
export function createGapRepo(ctx: PgContext): GapRepository {
  return {
    add: ({ question, language, reason, topIds = [] }) =>
      ctx.write('gaps.add', async (db) => {
        const row = await db.one<GapRow>(
          `INSERT INTO gaps (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING ${COLUMNS}`,
          [createRandomId(), question, language, reason, JSON.stringify(topIds), ctx.now()],
        );
        return toGap(row!);
      }),

    list: ({ since, status, limit } = {}) =>
      ctx.read('gaps.list', async (db) =>
        (
          await db.rows<GapRow>(
            `SELECT ${COLUMNS} FROM gaps
             WHERE ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::text IS NULL OR status = $2)
             ORDER BY created_at DESC, seq DESC LIMIT $3`,
            [since ?? null, status ?? null, limit ?? null],
          )
        ).map(toGap),
      ),

    setStatus: (id, status) =>
      ctx.write('gaps.setStatus', async (db) => {
        const row = await db.one<GapRow>(`UPDATE gaps SET status = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, status]);
        if (!row) throw notFoundError('Không tìm thấy câu hỏi.');
        return toGap(row);
      }),
  };
}
