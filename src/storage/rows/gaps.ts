import type { Gap, GapReason, GapStatus, Language } from '../types.js';
import type { Timestamp } from './common.js';

export interface GapRow {
  id: string;
  question: string;
  language: Language;
  reason: GapReason;
  top_ids: string;
  status: GapStatus;
  created_at: Timestamp;
}

export const GAP_COLUMNS = 'id, question, language, reason, top_ids, status, created_at';

export function toGap(row: GapRow): Gap {
  return {
    id: row.id,
    question: row.question,
    language: row.language,
    reason: row.reason,
    topIds: JSON.parse(row.top_ids) as string[],
    status: row.status,
    createdAt: new Date(row.created_at),
  };
}
