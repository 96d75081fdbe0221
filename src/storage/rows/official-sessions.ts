import type { OfficialSession } from '../types.js';
import type { Timestamp } from './common.js';

export interface OfficialSessionRow {
  token_hash: string;
  official_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export const OFFICIAL_SESSION_COLUMNS = 'token_hash, official_id, csrf_token, created_at, last_seen_at, expires_at';

export function toOfficialSession(row: OfficialSessionRow): OfficialSession {
  return {
    tokenHash: row.token_hash,
    officialId: row.official_id,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
  };
}
