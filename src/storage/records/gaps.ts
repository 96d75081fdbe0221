import type { Language } from './conversations.js';

export type GapReason = 'unanswered' | 'low-confidence' | 'out-of-scope';
export type GapStatus = 'open' | 'dismissed' | 'attached';

export interface Gap {
  id: string;
  /** Redacted by the caller before storing, and encrypted at rest; officials read and group the opened text. */
  question: string;
  language: Language;
  reason: GapReason;
  /** Closest entry ids retrieval offered, best first. */
  topIds: string[];
  status: GapStatus;
  createdAt: Date;
}

export interface AddGapInput {
  question: string;
  language: Language;
  reason: GapReason;
  topIds?: string[];
}

export interface GapRepository {
  /** Records a question the assistant could not answer confidently (already redacted by the caller). */
  add(input: AddGapInput): Promise<Gap>;
  /** Newest first, optionally filtered. */
  list(options?: { since?: Date; status?: GapStatus; limit?: number }): Promise<Gap[]>;
  /** Changes the review status; `not_found` for an unknown id. */
  setStatus(id: string, status: GapStatus): Promise<Gap>;
}
