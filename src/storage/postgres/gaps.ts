import { createRandomId } from '../ids.js';
import { GAP_COLUMNS as COLUMNS, type GapRow, toGap } from '../rows/gaps.js';
import type { GapRepository } from '../types.js';
import type { PgContext } from './context.js';
import { recordNotFound } from '../errors.js';

/**
 * Unanswered questions on PostgreSQL. The caller redacts personal data before `add`, and the question is sealed at
 * rest as well (redaction cannot catch everything a citizen types); officials read it opened, in the inbox.
 */
export function createGapRepo(ctx: PgContext): GapRepository {
  const open = (blob: Uint8Array) => ctx.open(blob);
  return {
    add: ({ question, language, reason, topIds = [] }) =>
      ctx.write('gaps.add', async (db) => {
        const row = await db.one<GapRow>(
          `INSERT INTO gaps (${COLUMNS}) VALUES ($1, '', $2, $3, $4, 'open', $5, $6) RETURNING ${COLUMNS}`,
          [createRandomId(), language, reason, JSON.stringify(topIds), ctx.now(), ctx.seal(question)],
        );
        return toGap(row!, open);
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
        ).map((row) => toGap(row, open)),
      ),

    setStatus: (id, status) =>
      ctx.write('gaps.setStatus', async (db) => {
        const row = await db.one<GapRow>(`UPDATE gaps SET status = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, status]);
        if (!row) throw recordNotFound('gap');
        return toGap(row, open);
      }),
  };
}

/** Seals the questions stored in plain text before migration 4 and blanks the plain column; returns how many. */
export async function sealPlainGaps(ctx: PgContext): Promise<number> {
  const plain = await ctx.read('gaps.seal', (db) => db.one<{ id: string }>("SELECT id FROM gaps WHERE sealed_question IS NULL AND question <> '' LIMIT 1"));
  if (!plain) return 0;
  return ctx.write('gaps.seal', async (db) => {
    const rows = await db.rows<{ id: string; question: string }>("SELECT id, question FROM gaps WHERE sealed_question IS NULL AND question <> '' FOR UPDATE");
    for (const row of rows) await db.run("UPDATE gaps SET sealed_question = $2, question = '' WHERE id = $1", [row.id, ctx.seal(row.question)]);
    return rows.length;
  });
}
