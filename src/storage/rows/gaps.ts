import type { Gap, GapReason, GapStatus, Language } from '../types.js';
import type { Timestamp } from './common.js';

export interface GapRow {
  id: string;
  /** Empty since migration 4; a row written before and not yet sealed still has its (redacted) text here. */
  question: string;
  language: Language;
  reason: GapReason;
  top_ids: string;
  status: GapStatus;
  created_at: Timestamp;
  /** The question, encrypted like message text (migration 4). */
  sealed_question: Uint8Array | null;
}

export const GAP_COLUMNS = 'id, question, language, reason, top_ids, status, created_at, sealed_question';

/** A stored gap, its question opened with the data key. */
export function toGap(row: GapRow, open: (blob: Uint8Array) => string): Gap {
  return {
    id: row.id,
    question: row.sealed_question ? open(row.sealed_question) : row.question,
    language: row.language,
    reason: row.reason,
    topIds: JSON.parse(row.top_ids) as string[],
    status: row.status,
    createdAt: new Date(row.created_at),
  };
}
