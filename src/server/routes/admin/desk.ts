import { Hono } from 'hono';
import { z } from 'zod';
import { actorFields } from '../../../admin/auth/accounts.js';
import { getForm } from '../../../forms/index.js';
import type { CallbackBody, CallbackListBody, CallbackView, DossierBody, DossierListBody, TicketBody, TicketListBody } from '../../../admin/api/wire.js';
import { notFoundError } from '../../../shared/errors.js';
import type { CallbackRequest } from '../../../storage/types.js';
import { parseOrThrow } from '../../validate.js';
import { renderPage } from '../dossiers.js';
import type { AdminEnv, AdminServices } from './context.js';

const CallSchema = z.strictObject({ counter: z.coerce.number().int().min(1).max(99) });
const TicketStatusSchema = z.enum(['waiting', 'called', 'done', 'cancelled']).optional();
const CallbackStatusSchema = z.enum(['new', 'called', 'done']).optional();

/** The counter desk: today's hand-over tickets, the widget's call-back requests and the pre-filled dossiers citizens bring. */
export function createDeskRoutes(services: AdminServices): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const { storage } = services;
  // Officials read titles, not internal ids (`dang-ky-ket-hon`); an id stays when no entry has it any more.
  const entryTitle = (id: string | undefined): string | undefined => {
    if (!id) return undefined;
    try {
      return services.workbench().entry(id)?.title.vi;
    } catch {
      return undefined;
    }
  };
  const formTitle = (id: string) => getForm(id)?.title.vi;

  routes.get('/tickets', async (c) => {
    const status = parseOrThrow(TicketStatusSchema, c.req.query('status') || undefined);
    const tickets = await storage().tickets.listToday(status ? { status } : {});
    return c.json({ tickets: tickets.map((t) => ({ ...t, topicTitle: entryTitle(t.topic) })) } satisfies TicketListBody);
  });

  // The widget's call-back requests: who to call and about what. Their names and phones are personal data: read
  // here (no-store), never written to the audit log.
  const showCallback = (r: CallbackRequest): CallbackView => ({
    id: r.id,
    status: r.status,
    name: r.name,
    phone: r.phone,
    language: r.language,
    topic: r.topic,
    topicTitle: entryTitle(r.topic),
    createdAt: r.createdAt,
    calledAt: r.calledAt,
    finishedAt: r.finishedAt,
    handledBy: r.handledBy,
  });
  routes.get('/callbacks', async (c) => {
    const status = parseOrThrow(CallbackStatusSchema, c.req.query('status') || undefined);
    return c.json({ callbacks: (await storage().callbacks.list(status ? { status } : {})).map(showCallback) } satisfies CallbackListBody);
  });
  for (const [path, status] of [['called', 'called'], ['done', 'done']] as const) {
    routes.post(`/callbacks/:id/${path}`, async (c) => {
      const actor = c.var.actor;
      const updated = await storage().transaction(async (tx) => {
        const before = await tx.callbacks.get(c.req.param('id'));
        const marked = await tx.callbacks.mark(c.req.param('id'), status, { by: actor.displayName });
        await tx.audit.add({ ...actorFields(actor), action: `callback.${status}`, targetKind: 'callback', targetId: marked.id, before: { status: before?.status }, after: { status: marked.status } });
        return marked;
      });
      return c.json({ callback: showCallback(updated) } satisfies CallbackBody);
    });
  }
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
    return c.json({ dossiers: dossiers.map((d) => ({ reference: d.reference, formId: d.formId, formTitle: formTitle(d.formId), status: d.status, createdAt: d.createdAt, receivedAt: d.receivedAt })) } satisfies DossierListBody);
  });
  routes.get('/dossiers/:reference', async (c) => {
    const dossier = await storage().dossiers.getByReference(c.req.param('reference'));
    if (!dossier) throw notFoundError('Không tìm thấy hồ sơ với mã này.');
    return c.json({ dossier: { ...dossier, formTitle: formTitle(dossier.formId) } } satisfies DossierBody);
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
