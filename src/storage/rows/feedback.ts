import type { Feedback, Rating } from '../types.js';
import type { RowCrypto, Timestamp } from './common.js';

export interface FeedbackRow {
  id: string;
  session_id: string;
  message_id: string;
  rating: Rating;
  comment: Buffer | null;
  created_at: Timestamp;
}

export const FEEDBACK_COLUMNS = 'id, session_id, message_id, rating, comment, created_at';

/** Maps feedback rows, opening the encrypted comment with the context's key. */
export function feedbackMapper(crypto: RowCrypto): (row: FeedbackRow) => Feedback {
  return (row) => ({
    id: row.id,
    sessionId: row.session_id,
    messageId: row.message_id,
    rating: row.rating,
    comment: row.comment === null ? undefined : crypto.open(row.comment),
    createdAt: new Date(row.created_at),
  });
}
