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

// The kiosk page never loads anything from elsewhere; inline styles are off so server text can never restyle it.
const KIOSK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

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

/** Serves the built kiosk page at `/`, the widget at `/widget.js` and the hashed assets; GET and HEAD only. */
export function createUiRoutes({ uiDir, kioskIdleSeconds = 120 }: UiRoutesOptions): Hono {
  const root = path.resolve(uiDir);
  const routes = new Hono();
  routes.get('/api/kiosk-config', (c) => c.json({ idleSeconds: kioskIdleSeconds }));
  routes.get('*', async (c, next) => {
    const urlPath = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = resolveInside(root, urlPath);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) return next();
    const headers: Record<string, string> = {
      'Content-Type': getContentType(file),
      'X-Content-Type-Options': 'nosniff',
      // Hashed file names never change content; the page and the widget must pick up a new build at once.
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (file.endsWith('.html')) {
      headers['Content-Security-Policy'] = KIOSK_CSP;
      const html = (await readFile(file, 'utf8')).replace(/data-idle-seconds="\d*"/, `data-idle-seconds="${kioskIdleSeconds}"`);
      return c.body(html, 200, headers);
    }
    if (urlPath === '/widget.js') headers['Access-Control-Allow-Origin'] = '*';
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  });
  return routes;
}
