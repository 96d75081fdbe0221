import { createRandomId } from '../ids.js';
import { FEEDBACK_COLUMNS as COLUMNS, feedbackMapper, type FeedbackRow } from '../rows/feedback.js';
import type { FeedbackRepository } from '../types.js';
import type { PgContext } from './context.js';
import { recordNotFound } from '../errors.js';

/** Citizens' ratings on PostgreSQL; the free-text comment is encrypted because people write their details in it. */
export function createFeedbackRepo(ctx: PgContext): FeedbackRepository {
  const toFeedback = feedbackMapper(ctx);

  return {
    add: ({ sessionId, messageId, rating, comment }) =>
      ctx.write('feedback.add', async (db) => {
        // The pair must match: a session id must not let anyone rate another conversation's messages.
        const owned = await db.one('SELECT id FROM messages WHERE id = $1 AND session_id = $2 FOR KEY SHARE', [messageId, sessionId]);
        if (!owned) throw recordNotFound('rated_message');
        const row = await db.one<FeedbackRow>(
          `INSERT INTO feedback (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [createRandomId(), sessionId, messageId, rating, comment === undefined ? null : ctx.seal(comment), ctx.now()],
        );
        return toFeedback(row!);
      }),

    list: ({ rating, since, limit } = {}) =>
      ctx.read('feedback.list', async (db) =>
        (
          await db.rows<FeedbackRow>(
            `SELECT ${COLUMNS} FROM feedback
             WHERE ($1::text IS NULL OR rating = $1) AND ($2::timestamptz IS NULL OR created_at >= $2)
             ORDER BY created_at DESC, seq DESC LIMIT $3`,
            [rating ?? null, since ?? null, limit ?? null],
          )
        ).map(toFeedback),
      ),
  };
}
