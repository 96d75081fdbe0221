import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../shared/logger.js';
import { buildErrorBody, mapErrorToResponse } from './errors.js';
import { createHealthRoutes, type HealthReport } from './health.js';
import { createSearchRoutes, type SearchFn } from './routes/search.js';

/** Everything the HTTP app needs, built in main.ts (or by a test) and injected. */
export interface AppDeps {
  logger: Logger;
  getHealth: () => HealthReport;
  /** The search function, or undefined until the knowledge base is indexed. */
  getSearch: () => SearchFn | undefined;
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

  app.notFound((c) => c.json(buildErrorBody('not_found', 'Không tìm thấy địa chỉ này.'), 404));
  app.onError((error, c) => mapErrorToResponse(error, c, logger));
  return app;
}
