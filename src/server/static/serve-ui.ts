import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { getContentType } from './content-types.js';

export interface UiRoutesOptions {
  /** The folder vite built (kiosk-ui/dist). */
  uiDir: string;
  /** Injected into the kiosk page so the browser needs no extra request to know when to wipe. */
  kioskIdleSeconds?: number;
}

/** Resolves a URL path inside `root`, or undefined when it would leave it (`..`, encoded slashes, NUL). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : undefined;
}

/** Serves the built kiosk page at `/`, the workbench at `/admin`, the widget at `/widget.js` and the hashed assets; GET and HEAD only. */
export function createUiRoutes({ uiDir, kioskIdleSeconds = 120 }: UiRoutesOptions): Hono {
  const root = path.resolve(uiDir);
  const routes = new Hono();
  routes.get('/api/kiosk-config', (c) => c.json({ idleSeconds: kioskIdleSeconds }));
  routes.get('*', async (c, next) => {
    // The kiosk at `/`, the officials' workbench at `/admin` (its screens are hash routes, so deep links land here too).
    const urlPath = c.req.path === '/' ? '/index.html' : c.req.path === '/admin' || c.req.path === '/admin/' ? '/admin.html' : c.req.path;
    const file = resolveInside(root, urlPath);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return next();
    // The Content-Security-Policy, nosniff and the other security headers come from the app-wide middleware
    // (src/server/security-headers.ts), so the page, its assets and the API share one policy.
    const headers: Record<string, string> = {
      'Content-Type': getContentType(file),
      // Hashed file names never change content; the page and the widget must pick up a new build at once.
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (file.endsWith('.html')) {
      const html = (await readFile(file, 'utf8')).replace(/data-idle-seconds="\d*"/, `data-idle-seconds="${kioskIdleSeconds}"`);
      return c.body(html, 200, headers);
    }
    if (urlPath === '/widget.js') {
      // Other sites load it with a plain <script src>; the app-wide `same-origin` resource policy would block it there.
      headers['Access-Control-Allow-Origin'] = '*';
      headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
    }
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  });
  return routes;
}
