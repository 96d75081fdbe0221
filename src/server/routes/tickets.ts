import { Hono } from 'hono';
import { z } from 'zod';
import type { Storage, TicketStatus } from '../../storage/types.js';
import { notFoundError, unavailableError } from '../../shared/errors.js';
import { parseOrThrow } from '../validate.js';

// The ticket id is random and unguessable (storage/ids.ts): holding it is what lets a page read its ticket.
const TicketIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export interface TicketRoutesOptions {
  getStorage: () => Storage | undefined;
  /** The same estimate the chat gives when the ticket is taken (config MINUTES_PER_TICKET). */
  minutesPerTicket: number;
}

/** What a citizen's page may know of its own ticket: no session, topic or times. */
export interface PublicTicket {
  number: number;
  status: TicketStatus;
  counter?: number;
  waitingAhead: number;
  estimatedWaitMinutes: number;
}

/**
 * `GET /api/tickets/:id`: the kiosk keeps its ticket card current (people ahead, called to a counter, done) by
 * asking for the ticket it was given; an unknown id is a 404 like any other.
 */
export function createTicketRoutes({ getStorage, minutesPerTicket }: TicketRoutesOptions): Hono {
  const routes = new Hono();
  routes.get('/:id', async (c) => {
    const id = parseOrThrow(TicketIdSchema, c.req.param('id'), 'Mã phiếu không hợp lệ.');
    const storage = getStorage();
    if (!storage) throw unavailableError();
    const ticket = await storage.tickets.get(id);
    if (!ticket) throw notFoundError('Không tìm thấy phiếu số thứ tự này.');
    const waitingAhead = ticket.status === 'waiting' ? await storage.tickets.countWaitingBefore(ticket.id) : 0;
    const body: PublicTicket = {
      number: ticket.number,
      status: ticket.status,
      ...(ticket.counter !== undefined ? { counter: ticket.counter } : {}),
      waitingAhead,
      estimatedWaitMinutes: waitingAhead * minutesPerTicket,
    };
    return c.json({ ticket: body });
  });
  return routes;
}
