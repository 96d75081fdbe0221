import { createRandomId } from '../ids.js';
import { GAP_COLUMNS as COLUMNS, type GapRow, toGap } from '../rows/gaps.js';
import type { Gap, GapRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { recordNotFound } from '../errors.js';

/**
 * Unanswered questions on SQLite. The caller redacts personal data before `add`, and the question is sealed at rest
 * as well (redaction cannot catch everything a citizen types); officials read it opened, in the inbox.
 */
export function createGapRepo(ctx: SqliteContext): Sync<GapRepository> {
  const open = (blob: Uint8Array) => ctx.open(blob);
  const mustFind = (id: string): Gap => {
    const row = ctx.statement<[string], GapRow>(`SELECT ${COLUMNS} FROM gaps WHERE id = ?`).get(id);
    if (!row) throw recordNotFound('gap');
    return toGap(row, open);
  };

  return {
    add: ({ question, language, reason, topIds = [] }) =>
      ctx.write('gaps.add', () => {
        const id = createRandomId();
        ctx
          .statement<[string, string, string, string, string, Buffer]>(
            `INSERT INTO gaps (${COLUMNS}) VALUES (?, '', ?, ?, ?, 'open', ?, ?)`,
          )
          .run(id, language, reason, JSON.stringify(topIds), toIso(ctx.now()), ctx.seal(question));
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
          .map((row) => toGap(row, open)),
      ),

    setStatus: (id, status) =>
      ctx.write('gaps.setStatus', () => {
        const result = ctx.statement<[string, string]>('UPDATE gaps SET status = ? WHERE id = ?').run(status, id);
        if (result.changes === 0) throw recordNotFound('gap');
        return mustFind(id);
      }),
  };
}

/**
 * Seals the questions stored in plain text before migration 4 and blanks the plain column; returns how many. Run at
 * open; the caller checkpoints the WAL afterwards so the plain text does not linger in the files (secure_delete
 * zeroes the freed cells).
 */
export function sealPlainGaps(ctx: SqliteContext): number {
  const rows = ctx.statement<[], { id: string; question: string }>("SELECT id, question FROM gaps WHERE sealed_question IS NULL AND question <> ''").all();
  if (rows.length === 0) return 0;
  return ctx.write('gaps.seal', () => {
    const update = ctx.statement<[Buffer, string]>("UPDATE gaps SET sealed_question = ?, question = '' WHERE id = ?");
    for (const row of rows) update.run(ctx.seal(row.question), row.id);
    return rows.length;
  });
}
