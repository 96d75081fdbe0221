import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../shared/logger.js';
import { buildErrorBody, mapErrorToResponse } from './errors.js';
import { createHealthRoutes, type HealthReport } from './health.js';
import type { ChatEngine } from '../chat/engine/chat-engine.js';
import type { Storage } from '../storage/types.js';
import { getClientAddress } from './client-address.js';
import { createAdminRoutes } from './routes/admin.js';
import { createChatRoutes } from './routes/chat.js';
import { createFormRoutes } from './routes/dossiers.js';
import { createSearchRoutes, type SearchFn } from './routes/search.js';

/** Everything the HTTP app needs, built in main.ts (or by a test) and injected. */
export interface AppDeps {
  logger: Logger;
  getHealth: () => HealthReport;
  /** The search function, or undefined until the knowledge base is indexed. */
  getSearch: () => SearchFn | undefined;
  /** The chat engine, or undefined until storage and retrieval are ready. */
  getChat?: () => ChatEngine | undefined;
  getStorage?: () => Storage | undefined;
  adminToken?: string | undefined;
  trustProxy?: boolean;
  chatMessagesPerMinutePerIp?: number;
}

/** Builds the Hono app; never listens (main.ts does, tests use `app.request()`). */
export function createApp(deps: AppDeps): Hono {
  const logger = deps.logger.child({ module: 'http' });
  const app = new Hono();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Path only: query strings carry citizens' questions, which are never logged.
    logger.info(
      { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  app.route('/healthz', createHealthRoutes(deps.getHealth));
  app.route('/api/search', createSearchRoutes(deps.getSearch));
  app.route(
    '/api/chat',
    createChatRoutes({
      getEngine: deps.getChat ?? (() => undefined),
      getAddress: (c) => {
        const incoming = (c.env as { incoming?: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } } } | undefined)?.incoming;
        return incoming ? getClientAddress(incoming as never, deps.trustProxy ?? false) : 'local';
      },
      messagesPerMinutePerAddress: deps.chatMessagesPerMinutePerIp ?? 120,
    }),
  );
  app.route('/api', createFormRoutes(deps.getStorage ?? (() => undefined)));
  app.route('/admin/api', createAdminRoutes({ getStorage: deps.getStorage ?? (() => undefined), getToken: () => deps.adminToken }));

  app.notFound((c) => c.json(buildErrorBody('not_found', 'Không tìm thấy địa chỉ này.'), 404));
  app.onError((error, c) => mapErrorToResponse(error, c, logger));
  return app;
}
