import { Hono } from 'hono';
import { z } from 'zod';
import { actorFields } from '../../../admin/auth/accounts.js';
import type { DossierBody, DossierListBody, TicketBody, TicketListBody } from '../../../admin/api/wire.js';
import { notFoundError } from '../../../shared/errors.js';
import { parseOrThrow } from '../../validate.js';
import { renderPage } from '../dossiers.js';
import type { AdminEnv, AdminServices } from './context.js';

const CallSchema = z.strictObject({ counter: z.coerce.number().int().min(1).max(99) });
const TicketStatusSchema = z.enum(['waiting', 'called', 'done', 'cancelled']).optional();

/** The counter desk: today's hand-over tickets and the pre-filled dossiers citizens bring. */
export function createDeskRoutes(services: AdminServices): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const { storage } = services;

  routes.get('/tickets', async (c) => {
    const status = parseOrThrow(TicketStatusSchema, c.req.query('status') || undefined);
    return c.json({ tickets: await storage().tickets.listToday(status ? { status } : {}) } satisfies TicketListBody);
  });
  routes.post('/tickets/:id/call', async (c) => {
    const { counter } = parseOrThrow(CallSchema, await c.req.json().catch(() => ({})));
    const ticket = await storage().transaction(async (tx) => {
      const called = await tx.tickets.call(c.req.param('id'), counter);
      await tx.audit.add({ ...actorFields(c.var.actor), action: 'ticket.call', targetKind: 'ticket', targetId: called.id, after: { number: called.number, counter } });
      return called;
    });
    return c.json({ ticket } satisfies TicketBody);
  });
  routes.post('/tickets/:id/finish', async (c) => {
    const ticket = await storage().transaction(async (tx) => {
      const done = await tx.tickets.finish(c.req.param('id'));
      await tx.audit.add({ ...actorFields(c.var.actor), action: 'ticket.finish', targetKind: 'ticket', targetId: done.id, after: { number: done.number } });
      return done;
    });
    return c.json({ ticket } satisfies TicketBody);
  });

  routes.get('/dossiers', async (c) => {
    const status = parseOrThrow(z.enum(['new', 'received']).optional(), c.req.query('status') || undefined);
    const dossiers = await storage().dossiers.listToday(status ? { status } : {});
    return c.json({ dossiers: dossiers.map((d) => ({ reference: d.reference, formId: d.formId, status: d.status, createdAt: d.createdAt, receivedAt: d.receivedAt })) } satisfies DossierListBody);
  });
  routes.get('/dossiers/:reference', async (c) => {
    const dossier = await storage().dossiers.getByReference(c.req.param('reference'));
    if (!dossier) throw notFoundError('Không tìm thấy hồ sơ với mã này.');
    return c.json({ dossier } satisfies DossierBody);
  });
  routes.get('/dossiers/:reference/print', async (c) => {
    const dossier = await storage().dossiers.getByReference(c.req.param('reference'));
    if (!dossier) throw notFoundError('Không tìm thấy hồ sơ với mã này.');
    return c.html(renderPage(dossier));
  });
  routes.post('/dossiers/:reference/received', async (c) => {
    const actor = c.var.actor;
    const dossier = await storage().transaction(async (tx) => {
      const received = await tx.dossiers.markReceived(c.req.param('reference'), { by: actor.displayName });
      // The reference and status only: the dossier's values are a citizen's personal data.
      await tx.audit.add({ ...actorFields(actor), action: 'dossier.received', targetKind: 'dossier', targetId: received.reference, before: { status: 'new' }, after: { status: received.status } });
      return received;
    });
    return c.json({ dossier } satisfies DossierBody);
  });
  return routes;
}
