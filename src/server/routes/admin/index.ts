import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError, unavailableError } from '../../shared/errors.js';
import type { Storage } from '../../storage/types.js';
import { parseOrThrow } from '../validate.js';
import { createAdminDossierRoutes } from './dossiers.js';

/** The one guard of `/admin/api`: a bearer token from config until officials' accounts exist. */
export function requireAdminToken(getToken: () => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const expected = getToken();
    if (!expected) throw new AppError({ status: 503, code: 'admin_disabled', message: 'Chưa cấu hình quyền truy cập cho cán bộ (ADMIN_TOKEN).' });
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    // Compare digests so neither the length nor the content leaks through timing.
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (!given || !timingSafeEqual(digest(given), digest(expected))) {
      throw new AppError({ status: 401, code: 'unauthorized', message: 'Cần đăng nhập với quyền cán bộ.' });
    }
    await next();
  };
}

const CallSchema = z.strictObject({ counter: z.coerce.number().int().min(1).max(99) });
const TicketStatusSchema = z.enum(['waiting', 'called', 'done', 'cancelled']).optional();

/** Officials' API: today's hand-over queue, calling tickets, the gaps inbox and feedback. */
export function createAdminRoutes(options: { getStorage: () => Storage | undefined; getToken: () => string | undefined }): Hono {
  const routes = new Hono();
  const storage = () => {
    const value = options.getStorage();
    if (!value) throw unavailableError();
    return value;
  };
  routes.use('*', requireAdminToken(options.getToken));
  routes.get('/tickets', async (c) => {
    const status = parseOrThrow(TicketStatusSchema, c.req.query('status') || undefined);
    return c.json({ tickets: await storage().tickets.listToday(status ? { status } : {}) });
  });
  routes.post('/tickets/:id/call', async (c) => {
    const { counter } = parseOrThrow(CallSchema, await c.req.json().catch(() => ({})));
    return c.json({ ticket: await storage().tickets.call(c.req.param('id'), counter) });
  });
  routes.post('/tickets/:id/finish', async (c) => c.json({ ticket: await storage().tickets.finish(c.req.param('id')) }));
  routes.route('/dossiers', createAdminDossierRoutes(storage));
  routes.get('/gaps', async (c) => c.json({ gaps: await storage().gaps.list({ limit: 500 }) }));
  routes.get('/feedback', async (c) => {
    const rating = parseOrThrow(z.enum(['up', 'down']).optional(), c.req.query('rating') || undefined);
    return c.json({ feedback: await storage().feedback.list({ ...(rating ? { rating } : {}), limit: 500 }) });
  });
  return routes;
}
