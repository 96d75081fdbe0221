import { createRandomId } from '../ids.js';
import { FEEDBACK_COLUMNS as COLUMNS, feedbackMapper, type FeedbackRow } from '../rows/feedback.js';
import type { FeedbackRepository } from '../types.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { recordNotFound } from '../errors.js';

/** Citizens' ratings on SQLite; the free-text comment is encrypted because people write their details in it. */
export function createFeedbackRepo(ctx: SqliteContext): Sync<FeedbackRepository> {
  const toFeedback = feedbackMapper(ctx);

  return {
    add: ({ sessionId, messageId, rating, comment }) =>
      ctx.write('feedback.add', () => {
        // The pair must match: a session id must not let anyone rate another conversation's messages.
        const owned = ctx
          .statement<[string, string], { id: string }>('SELECT id FROM messages WHERE id = ? AND session_id = ?')
          .get(messageId, sessionId);
        if (!owned) throw recordNotFound('rated_message');
        const id = createRandomId();
        ctx
          .statement<[string, string, string, string, Buffer | null, string]>(
            `INSERT INTO feedback (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(id, sessionId, messageId, rating, comment === undefined ? null : ctx.seal(comment), toIso(ctx.now()));
        const row = ctx.statement<[string], FeedbackRow>(`SELECT ${COLUMNS} FROM feedback WHERE id = ?`).get(id);
        return toFeedback(row!);
      }),

    list: ({ rating, since, limit } = {}) =>
      ctx.read('feedback.list', () =>
        ctx
          .statement<[string | null, string | null, string | null, string | null, number], FeedbackRow>(
            `SELECT ${COLUMNS} FROM feedback
             WHERE (? IS NULL OR rating = ?) AND (? IS NULL OR created_at >= ?)
             ORDER BY created_at DESC, rowid DESC LIMIT ?`,
          )
          .all(rating ?? null, rating ?? null, since ? toIso(since) : null, since ? toIso(since) : null, limit ?? -1)
          .map(toFeedback),
      ),
  };
}
