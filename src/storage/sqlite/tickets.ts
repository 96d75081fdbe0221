import { createRandomId } from '../ids.js';
import { TICKET_COLUMNS as COLUMNS, type TicketRow, toTicket } from '../rows/tickets.js';
import type { TicketRepository } from '../types.js';
import { wardDayOf } from '../ward-day.js';
import { toIso, type SqliteContext } from './context.js';
import type { Sync } from './runner.js';
import { recordNotFound, ticketClosed } from '../errors.js';

/** The hand-over queue on SQLite: numbers restart at 1 every ward day (Asia/Ho_Chi_Minh), not machine day. */
export function createTicketRepo(ctx: SqliteContext): Sync<TicketRepository> {
  const find = (id: string) => ctx.statement<[string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE id = ?`).get(id);
  const mustFind = (id: string): TicketRow => {
    const row = find(id);
    if (!row) throw recordNotFound('ticket');
    return row;
  };
  const requireOpen = (id: string): TicketRow => {
    const row = mustFind(id);
    if (row.status === 'done' || row.status === 'cancelled') throw ticketClosed();
    return row;
  };
  const close = (op: string, status: 'done' | 'cancelled') => (id: string) =>
    ctx.write(op, () => {
      requireOpen(id);
      ctx.statement<[string, string, string]>('UPDATE tickets SET status = ?, finished_at = ? WHERE id = ?').run(status, toIso(ctx.now()), id);
      return toTicket(mustFind(id));
    });

  return {
    create: ({ sessionId, topic, counter } = {}) =>
      ctx.write('tickets.create', () => {
        const now = ctx.now();
        const wardDay = wardDayOf(now);
        // One open ticket per session: asking again gives the same number and place (the write lock is held).
        const open = sessionId
          ? ctx
              .statement<[string, string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE session_id = ? AND ward_day = ? AND status IN ('waiting', 'called')`)
              .get(sessionId, wardDay)
          : undefined;
        if (open) return toTicket(open);
        const id = createRandomId();
        // The next number is computed inside the INSERT itself; UNIQUE (ward_day, number) backs it up.
        ctx
          .statement<[string, string, string, string | null, string | null, number | null, string]>(
            `INSERT INTO tickets (id, ward_day, number, status, session_id, topic, counter, created_at)
             VALUES (?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE ward_day = ?), 'waiting', ?, ?, ?, ?)`,
          )
          .run(id, wardDay, wardDay, sessionId ?? null, topic ?? null, counter ?? null, toIso(now));
        return toTicket(mustFind(id));
      }),

    get: (id) =>
      ctx.read('tickets.get', () => {
        const row = find(id);
        return row ? toTicket(row) : undefined;
      }),

    listToday: ({ status } = {}) =>
      ctx.read('tickets.listToday', () =>
        ctx
          .statement<[string, string | null, string | null], TicketRow>(
            `SELECT ${COLUMNS} FROM tickets WHERE ward_day = ? AND (? IS NULL OR status = ?) ORDER BY number`,
          )
          .all(wardDayOf(ctx.now()), status ?? null, status ?? null)
          .map(toTicket),
      ),

    call: (id, counter) =>
      ctx.write('tickets.call', () => {
        requireOpen(id);
        ctx
          .statement<[number, string, string]>("UPDATE tickets SET status = 'called', counter = ?, called_at = ? WHERE id = ?")
          .run(counter, toIso(ctx.now()), id);
        return toTicket(mustFind(id));
      }),

    finish: close('tickets.finish', 'done'),
    cancel: close('tickets.cancel', 'cancelled'),

    countWaitingBefore: (ticketId) =>
      ctx.read('tickets.countWaitingBefore', () => {
        const ticket = mustFind(ticketId);
        if (ticket.status !== 'waiting') return 0;
        const row = ctx
          .statement<[string, number], { ahead: number }>(
            "SELECT COUNT(*) AS ahead FROM tickets WHERE ward_day = ? AND status = 'waiting' AND number < ?",
          )
          .get(ticket.ward_day, ticket.number);
        return row?.ahead ?? 0;
      }),
  };
}
