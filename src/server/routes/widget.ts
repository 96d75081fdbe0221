import { Hono } from 'hono';
import { requestHost } from '../client-address.js';
import { isOriginAllowed } from '../static/origin-allowlist.js';

export interface WidgetRoutesOptions {
  /** The origins allowed to embed the widget now (the admins' setting, else WIDGET_ORIGINS). */
  getOrigins: () => readonly string[];
  trustProxy: boolean;
}

/**
 * `GET /api/widget/check`: whether the page asking may use the widget. Readable from any site (it tells only that),
 * so a refused widget can say why in the console and politely to the visitor, instead of failing as a network error.
 */
export function createWidgetRoutes({ getOrigins, trustProxy }: WidgetRoutesOptions): Hono {
  const routes = new Hono();
  routes.get('/check', (c) => {
    const origin = c.req.header('origin');
    const allowed = isOriginAllowed(origin, requestHost(c, trustProxy), getOrigins());
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Origin');
    return c.json({ allowed, origin: origin ?? null, settings: '/admin#/widget-origins' });
  });
  return routes;
}
