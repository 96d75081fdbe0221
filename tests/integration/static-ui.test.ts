import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { isOriginAllowed, normalizeOrigins, resolveInside } from '../../src/server/static/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startChatServer, type TestChatServer } from '../helpers/chat-server.js';
import { buildSilentLogger } from '../helpers/logger.js';

/** A tiny fake build (index.html, widget.js, a hashed asset) beside a secret the server must never serve. */
async function buildFakeUi(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ward-ui-'));
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><html><body data-idle-seconds="120"></body></html>');
  await writeFile(path.join(dist, 'widget.js'), 'console.log("widget")');
  await writeFile(path.join(dist, 'assets', 'app-abc.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), 'secret');
  return dist;
}

function buildApp(uiDir: string, widgetOrigins: string[] = []) {
  return createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => undefined, uiDir, kioskIdleSeconds: 45, widgetOrigins });
}

describe('serving the built UI', () => {
  let uiDir: string;
  beforeAll(async () => {
    uiDir = await buildFakeUi();
  });

  it('serves the kiosk page with the idle time injected, a CSP and no caching', async () => {
    const res = await buildApp(uiDir).request('http://localhost/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('data-idle-seconds="45"');
  });

  it('serves the widget and hashed assets with their content types', async () => {
    const app = buildApp(uiDir);
    const widget = await app.request('http://localhost/widget.js');
    expect(widget.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await app.request('http://localhost/assets/app-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await (await app.request('http://localhost/api/kiosk-config')).json()).toEqual({ idleSeconds: 45 });
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/..%5csecret.txt', '/%E0%A4%A'])(
    'never serves outside the build folder: %s',
    async (p) => {
      const res = await buildApp(uiDir).request(`http://localhost${p}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret');
    },
  );

  it('resolves paths only inside the root', () => {
    expect(resolveInside('/srv/ui', '/a/b.js')).toBe('/srv/ui/a/b.js');
    expect(resolveInside('/srv/ui', '/../../etc/passwd')).toBe('/srv/ui/etc/passwd');
    expect(resolveInside('/srv/ui', '/a\\..\\..\\x')).toBeUndefined();
  });

  it('answers CORS preflights on /api/chat for allowed origins only', async () => {
    const app = buildApp(uiDir, ['https://ward.example']);
    const init = (origin: string) => ({ method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    const ok = await app.request('http://localhost/api/chat', init('https://ward.example'));
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ward.example');
    const refused = await app.request('http://localhost/api/chat', init('https://evil.example'));
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('widget origins', () => {
  let server: TestChatServer;
  beforeAll(async () => {
    server = await startChatServer({ allowedOrigins: ['https://ward.example'] });
  });
  afterAll(async () => {
    await server.close();
  });

  const open = (origin?: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(server.wsUrl, origin ? { origin } : {});
      ws.once('open', () => {
        ws.close();
        resolve(101);
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(0));
    });

  it('lets the allowed site, the server itself and non-browser clients open the socket, and refuses others with 403', async () => {
    expect(await open('https://ward.example')).toBe(101);
    expect(await open(server.url)).toBe(101);
    expect(await open()).toBe(101);
    expect(await open('https://evil.example')).toBe(403);
  });

  it('decides origins exactly', () => {
    expect(isOriginAllowed('https://ward.example', 'x:1', ['https://ward.example'])).toBe(true);
    expect(isOriginAllowed('https://ward.example.evil.com', 'x:1', ['https://ward.example'])).toBe(false);
    expect(isOriginAllowed('null', 'x:1', [])).toBe(false);
    expect(normalizeOrigins(['https://a.example/', 'ftp://b', 'nope'])).toEqual(['https://a.example']);
  });

  it('reads WIDGET_ORIGINS, UI_DIR and KIOSK_IDLE_SECONDS from the environment', () => {
    const config = loadConfig({ WIDGET_ORIGINS: 'https://a.example/, http://b.example:8080', KIOSK_IDLE_SECONDS: '60' }, '/srv');
    expect(config.widgetOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.kioskIdleSeconds).toBe(60);
    expect(config.uiDir).toBe('/srv/kiosk-ui/dist');
    expect(loadConfig({}, '/srv').widgetOrigins).toEqual([]);
    expect(() => loadConfig({ WIDGET_ORIGINS: 'not a url' })).toThrow(/WIDGET_ORIGINS/);
  });
});
