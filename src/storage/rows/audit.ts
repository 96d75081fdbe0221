import type { AuditEvent } from '../types.js';
import type { Timestamp } from './common.js';

export interface AuditRow {
  id: string;
  official_id: string | null;
  actor: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  before: string | null;
  after: string | null;
  created_at: Timestamp;
}

export const AUDIT_COLUMNS = 'id, official_id, actor, action, target_kind, target_id, before, after, created_at';

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    officialId: row.official_id ?? undefined,
    actor: row.actor,
    action: row.action,
    targetKind: row.target_kind ?? undefined,
    targetId: row.target_id ?? undefined,
    before: row.before === null ? undefined : JSON.parse(row.before),
    after: row.after === null ? undefined : JSON.parse(row.after),
    createdAt: new Date(row.created_at),
  };
}
