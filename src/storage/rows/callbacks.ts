import type { CallbackRequest, CallbackStatus, Language } from '../types.js';
import { fromTimestamp, type RowCrypto, type Timestamp } from './common.js';

export interface CallbackRow {
  id: string;
  status: CallbackStatus;
  language: Language;
  session_id: string | null;
  topic: string | null;
  sealed_contact: Buffer;
  created_at: Timestamp;
  called_at: Timestamp | null;
  finished_at: Timestamp | null;
  handled_by: Buffer | null;
}

export const CALLBACK_COLUMNS = 'id, status, language, session_id, topic, sealed_contact, created_at, called_at, finished_at, handled_by';

/** Maps call-back rows, opening the sealed name and phone (and the official who handled it) with the context's key. */
export function callbackMapper(crypto: RowCrypto): (row: CallbackRow) => CallbackRequest {
  return (row) => {
    const contact = crypto.openJson<{ name: string; phone: string }>(row.sealed_contact);
    return {
      id: row.id,
      status: row.status,
      name: contact.name,
      phone: contact.phone,
      language: row.language,
      sessionId: row.session_id ?? undefined,
      topic: row.topic ?? undefined,
      createdAt: new Date(row.created_at),
      calledAt: fromTimestamp(row.called_at),
      finishedAt: fromTimestamp(row.finished_at),
      handledBy: row.handled_by === null ? undefined : crypto.open(row.handled_by),
    };
  };
}
