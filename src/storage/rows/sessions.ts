import type { Channel, Language, Session, SessionState } from '../types.js';
import { fromTimestamp, type RowCrypto, type Timestamp } from './common.js';

export interface SessionRow {
  id: string;
  channel: Channel;
  language: Language;
  state: Buffer;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
}

export const SESSION_COLUMNS = 'id, channel, language, state, created_at, last_seen_at, ended_at';

/** Maps session rows, opening the encrypted dialogue state with the context's key. */
export function sessionMapper(crypto: RowCrypto): (row: SessionRow) => Session {
  return (row) => ({
    id: row.id,
    channel: row.channel,
    language: row.language,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    endedAt: fromTimestamp(row.ended_at),
    state: crypto.openJson<SessionState>(row.state),
  });
}
