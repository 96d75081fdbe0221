import { Hono } from 'hono';
import { z } from 'zod';
import { createOfficial, NewOfficialSchema, OfficialPatchSchema, updateOfficial } from '../../../admin/auth/accounts.js';
import type { AuditBody, OfficialBody, OfficialListBody } from '../../../admin/api/wire.js';
import { parseOrThrow, readJsonBody as readJson } from '../../validate.js';
import { requireRole, type AdminEnv, type AdminServices } from './context.js';

const AuditQuerySchema = z.strictObject({
  action: z.string().max(64).optional(),
  targetId: z.string().max(100).optional(),
  officialId: z.string().max(64).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** An entry's or a life situation's title for the audit log (officials read titles, not ids); undefined otherwise. */
function titleOf(services: AdminServices, kind: string | undefined, id: string | undefined): string | undefined {
  if (!id || (kind !== 'entry' && kind !== 'situation')) return undefined;
  try {
    const workbench = services.workbench();
    return (kind === 'entry' ? workbench.entry(id) : workbench.situation(id))?.title.vi;
  } catch {
    return undefined;
  }
}

/** Accounts and the audit log: admins only. */
export function createAccountRoutes(services: AdminServices): Hono<AdminEnv> {
  const routes = new Hono<AdminEnv>();
  const { storage } = services;
  // Checked per route: a catch-all here would answer every unknown /admin/api path with "admins only".
  const adminOnly = requireRole('admin');
  routes.use('/officials', adminOnly);
  routes.use('/officials/*', adminOnly);
  routes.use('/audit', adminOnly);
  routes.get('/officials', async (c) => c.json({ officials: await storage().officials.list() } satisfies OfficialListBody));
  routes.post('/officials', async (c) => {
    const input = parseOrThrow(NewOfficialSchema, await readJson(c));
    return c.json({ official: await createOfficial(storage(), input, c.var.actor) } satisfies OfficialBody, 201);
  });
  routes.patch('/officials/:id', async (c) => {
    const patch = parseOrThrow(OfficialPatchSchema, await readJson(c));
    return c.json({ official: await updateOfficial(storage(), c.req.param('id'), patch, c.var.actor) } satisfies OfficialBody);
  });
  routes.get('/audit', async (c) => {
    const query = parseOrThrow(AuditQuerySchema, c.req.query());
    const events = await storage().audit.list({
      limit: query.limit,
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.officialId ? { officialId: query.officialId } : {}),
      ...(query.since ? { since: new Date(query.since) } : {}),
    });
    return c.json({ events: events.map((event) => ({ ...event, targetTitle: titleOf(services, event.targetKind, event.targetId) })) } satisfies AuditBody);
  });
  return routes;
}
