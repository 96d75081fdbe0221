import type { Revision, RevisionStatus, RevisionTarget } from '../types.js';
import { fromTimestamp, type Timestamp } from './common.js';

export interface RevisionRow {
  id: string;
  target_kind: RevisionTarget;
  target_id: string;
  number: number;
  status: RevisionStatus;
  content: string | null;
  base_revision_id: string | null;
  restores_revision_id: string | null;
  note: string | null;
  author_id: string;
  created_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
}

export const REVISION_COLUMNS =
  'id, target_kind, target_id, number, status, content, base_revision_id, restores_revision_id, note, author_id, ' +
  'created_at, published_by, published_at';

export function toRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    targetKind: row.target_kind,
    targetId: row.target_id,
    number: row.number,
    status: row.status,
    content: row.content === null ? null : JSON.parse(row.content),
    baseRevisionId: row.base_revision_id ?? undefined,
    restoresRevisionId: row.restores_revision_id ?? undefined,
    note: row.note ?? undefined,
    authorId: row.author_id,
    createdAt: new Date(row.created_at),
    publishedBy: row.published_by ?? undefined,
    publishedAt: fromTimestamp(row.published_at),
  };
}

/** SQL NULL for null/undefined ("back to the shipped file"), JSON text otherwise. */
export function toContentText(content: unknown): string | null {
  return content === null || content === undefined ? null : JSON.stringify(content);
}
