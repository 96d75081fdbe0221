export type Rating = 'up' | 'down';

export interface Feedback {
  id: string;
  sessionId: string;
  messageId: string;
  rating: Rating;
  /** Decrypted comment (encrypted at rest: free text may hold personal data). */
  comment?: string;
  createdAt: Date;
}

export interface AddFeedbackInput {
  sessionId: string;
  messageId: string;
  rating: Rating;
  comment?: string;
}

export interface FeedbackRepository {
  /** Records a rating of one message of the session; `not_found` if the message is not in that session. */
  add(input: AddFeedbackInput): Promise<Feedback>;
  /** Newest first, optionally filtered. */
  list(options?: { rating?: Rating; since?: Date; limit?: number }): Promise<Feedback[]>;
}
