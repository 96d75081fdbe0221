import { createRandomId } from '../ids.js';
import { TICKET_COLUMNS as COLUMNS, type TicketRow, toTicket } from '../rows/tickets.js';
import type { TicketRepository } from '../types.js';
import { wardDayOf } from '../ward-day.js';
import type { PgContext, PgDb } from './context.js';
import { recordNotFound, ticketClosed } from '../errors.js';

async function findTicket(db: PgDb, id: string, forUpdate = false): Promise<TicketRow | undefined> {
  return db.one<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** Locks an open (waiting or called) ticket for a change; `not_found` / `ticket_closed` otherwise. */
async function lockOpenTicket(db: PgDb, id: string): Promise<TicketRow> {
  const row = await findTicket(db, id, true);
  if (!row) throw recordNotFound('ticket');
  if (row.status === 'done' || row.status === 'cancelled') throw ticketClosed();
  return row;
}

/**
 * The hand-over queue on PostgreSQL: numbers restart at 1 every ward day (Asia/Ho_Chi_Minh). Several instances
 * share one queue: taking a number holds a per-day advisory lock until commit, so MAX + 1 is read after the
 * previous holder's ticket is visible; UNIQUE (ward_day, number) backs it up.
 */
export function createTicketRepo(ctx: PgContext): TicketRepository {
  const close = (op: string, status: 'done' | 'cancelled') => (id: string) =>
    ctx.write(op, async (db) => {
      await lockOpenTicket(db, id);
      const row = await db.one<TicketRow>(`UPDATE tickets SET status = $2, finished_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        status,
        ctx.now(),
      ]);
      return toTicket(row!);
    });

  return {
    create: ({ sessionId, topic, counter } = {}) =>
      ctx.write('tickets.create', async (db) => {
        const now = ctx.now();
        const wardDay = wardDayOf(now);
        await db.lock(`tickets:${wardDay}`);
        // One open ticket per session: asking again gives the same number and place (the day's lock is held).
        const open = sessionId
          ? await db.one<TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE session_id = $1 AND ward_day = $2 AND status IN ('waiting', 'called')`, [sessionId, wardDay])
          : undefined;
        if (open) return toTicket(open);
        const row = await db.one<TicketRow>(
          `INSERT INTO tickets (id, ward_day, number, status, session_id, topic, counter, created_at)
           SELECT $1, $2, COALESCE(MAX(number), 0) + 1, 'waiting', $3, $4, $5, $6 FROM tickets WHERE ward_day = $2
           RETURNING ${COLUMNS}`,
          [createRandomId(), wardDay, sessionId ?? null, topic ?? null, counter ?? null, now],
        );
        return toTicket(row!);
      }),

    get: (id) =>
      ctx.read('tickets.get', async (db) => {
        const row = await findTicket(db, id);
        return row ? toTicket(row) : undefined;
      }),

    listToday: ({ status } = {}) =>
      ctx.read('tickets.listToday', async (db) =>
        (
          await db.rows<TicketRow>(
            `SELECT ${COLUMNS} FROM tickets WHERE ward_day = $1 AND ($2::text IS NULL OR status = $2) ORDER BY number`,
            [wardDayOf(ctx.now()), status ?? null],
          )
        ).map(toTicket),
      ),

    call: (id, counter) =>
      ctx.write('tickets.call', async (db) => {
        await lockOpenTicket(db, id);
        const row = await db.one<TicketRow>(
          `UPDATE tickets SET status = 'called', counter = $2, called_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, counter, ctx.now()],
        );
        return toTicket(row!);
      }),

    finish: close('tickets.finish', 'done'),
    cancel: close('tickets.cancel', 'cancelled'),

    countWaitingBefore: (ticketId) =>
      ctx.read('tickets.countWaitingBefore', async (db) => {
        const ticket = await findTicket(db, ticketId);
        if (!ticket) throw recordNotFound('ticket');
        if (ticket.status !== 'waiting') return 0;
        const row = await db.one<{ ahead: number }>(
          "SELECT COUNT(*)::int AS ahead FROM tickets WHERE ward_day = $1 AND status = 'waiting' AND number < $2",
          [ticket.ward_day, ticket.number],
        );
        return row?.ahead ?? 0;
      }),
  };
}
