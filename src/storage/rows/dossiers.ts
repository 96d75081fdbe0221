import type { Channel, Dossier, DossierStatus, DossierValues } from '../types.js';
import { fromTimestamp, type RowCrypto, type Timestamp } from './common.js';

export interface DossierRow {
  id: string;
  reference: string;
  form_id: string;
  channel: Channel;
  session_id: string | null;
  ward_day: string;
  status: DossierStatus;
  sealed_values: Buffer;
  created_at: Timestamp;
  received_at: Timestamp | null;
  received_by: Buffer | null;
}

export const DOSSIER_COLUMNS =
  'id, reference, form_id, channel, session_id, ward_day, status, sealed_values, created_at, received_at, received_by';

/** Maps dossier rows, opening the sealed values and the receiving official with the context's key. */
export function dossierMapper(crypto: RowCrypto): (row: DossierRow) => Dossier {
  return (row) => ({
    id: row.id,
    reference: row.reference,
    formId: row.form_id,
    channel: row.channel,
    sessionId: row.session_id ?? undefined,
    wardDay: row.ward_day,
    status: row.status,
    values: crypto.openJson<DossierValues>(row.sealed_values),
    createdAt: new Date(row.created_at),
    receivedAt: fromTimestamp(row.received_at),
    receivedBy: row.received_by === null ? undefined : crypto.open(row.received_by),
  });
}
