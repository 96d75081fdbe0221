import type { Official, OfficialRole } from '../types.js';
import { fromTimestamp, type Timestamp } from './common.js';

export interface OfficialRow {
  id: string;
  username: string;
  display_name: string;
  role: OfficialRole;
  /** 0 / 1 in SQLite, boolean in PostgreSQL. */
  disabled: number | boolean;
  failed_attempts: number;
  locked_until: Timestamp | null;
  password_hash: string;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}

export const OFFICIAL_COLUMNS =
  'id, username, display_name, role, disabled, failed_attempts, locked_until, password_hash, created_at, password_changed_at';

/** A username as stored and compared: NFC (Vietnamese keyboards may send decomposed marks), trimmed, lower-cased. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export function toOfficial(row: OfficialRow): Official {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === true || row.disabled === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: fromTimestamp(row.locked_until),
    createdAt: new Date(row.created_at),
    passwordChangedAt: new Date(row.password_changed_at),
  };
}
