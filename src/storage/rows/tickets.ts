import type { Ticket, TicketStatus } from '../types.js';
import { fromTimestamp, type Timestamp } from './common.js';

export interface TicketRow {
  id: string;
  ward_day: string;
  number: number;
  status: TicketStatus;
  session_id: string | null;
  topic: string | null;
  counter: number | null;
  created_at: Timestamp;
  called_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export const TICKET_COLUMNS = 'id, ward_day, number, status, session_id, topic, counter, created_at, called_at, finished_at';

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    number: row.number,
    wardDay: row.ward_day,
    status: row.status,
    sessionId: row.session_id ?? undefined,
    topic: row.topic ?? undefined,
    counter: row.counter ?? undefined,
    createdAt: new Date(row.created_at),
    calledAt: fromTimestamp(row.called_at),
    finishedAt: fromTimestamp(row.finished_at),
  };
}
