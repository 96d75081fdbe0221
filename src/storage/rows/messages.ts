import type { Message, MessageMeta, MessageRole } from '../types.js';
import type { RowCrypto, Timestamp } from './common.js';

export interface MessageRow {
  id: string;
  session_id: string;
  role: MessageRole;
  text: Buffer;
  meta: string;
  created_at: Timestamp;
}

export const MESSAGE_COLUMNS = 'id, session_id, role, text, meta, created_at';

/** Maps message rows, opening the encrypted text with the context's key. */
export function messageMapper(crypto: RowCrypto): (row: MessageRow) => Message {
  return (row) => ({
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    text: crypto.open(row.text),
    meta: JSON.parse(row.meta) as MessageMeta,
    createdAt: new Date(row.created_at),
  });
}
