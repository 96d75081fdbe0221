import { Hono } from 'hono';

/** What `/healthz` reports: `ok` once the knowledge base is searchable, `starting` before. */
export interface HealthReport {
  status: 'ok' | 'starting';
  [detail: string]: unknown;
}

/** Routes for `/healthz`: 200 when ready, 503 `{"status":"starting"}` before. */
export function createHealthRoutes(getHealth: () => HealthReport): Hono {
  const routes = new Hono();
  routes.get('/', (c) => {
    const report = getHealth();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  return routes;
}
