import type { MiddlewareHandler } from 'hono';

/**
 * `Cache-Control: no-store` on a response that may hold personal data (chat answers with form values, dossiers, the
 * officials' API), unless the route chose its own policy (the print page's script is public and cacheable).
 */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
