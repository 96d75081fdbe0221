import type { PrintTokens } from '../../src/dossiers/index.js';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChatApp } from '../helpers/chat-server.js';
import { buildBirthDossierValues } from '../helpers/dossier-values.js';

type App = Awaited<ReturnType<typeof buildChatApp>>['app'];

/** A tiny fake build of the kiosk page and the widget. */
async function buildFakeUi(): Promise<string> {
  const dist = path.join(await mkdtemp(path.join(os.tmpdir(), 'ward-ui-')), 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><html><body data-idle-seconds="120"></body></html>');
  await writeFile(path.join(dist, 'widget.js'), 'console.log("widget")');
  return dist;
}


const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Opens a chat session and stores a dossier in it; returns the citizen's print URL (a short-lived token). */
async function createPrintUrl(app: App, printTokens: PrintTokens): Promise<string> {
  const { sessionId } = (await (await app.request('http://localhost/api/chat', json({ frame: { type: 'hello' } }))).json()) as { sessionId: string };
  const res = await app.request('http://localhost/api/dossiers', json({ formId: 'to-khai-khai-sinh', values: buildBirthDossierValues(), sessionId }));
  expect(res.status, await res.clone().text()).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  return `/api/dossiers/print?token=${printTokens.issue(reference).token}`;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
}

describe('security headers', () => {
  let app: App;
  let printUrl: string;
  beforeAll(async () => {
    let printTokens: PrintTokens;
    ({ app, printTokens } = await buildChatApp({ uiDir: await buildFakeUi(), adminToken: 'correct-horse-battery-staple' }));
    printUrl = await createPrintUrl(app, printTokens);
  });

  const cases: [string, string, number][] = [
    ['health', '/healthz', 200],
    ['search', '/api/search?q=khai%20sinh', 200],
    ['400 (search without q)', '/api/search', 400],
    ['404', '/no/such/page', 404],
    ['401 (officials without a token)', '/admin/api/tickets', 401],
    ['kiosk page', '/', 200],
    ['widget', '/widget.js', 200],
  ];

  it.each(cases)('are on every response: %s', async (_name, url, status) => {
    const res = await app.request(`http://localhost${url}`);
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
  });

  it('are on the print page, whose inline stylesheet alone is allowed, by its hash', async () => {
    const res = await app.request(`http://localhost${printUrl}`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, "'self'");
    const html = await res.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(style).toBeDefined();
    const hash = `'sha256-${createHash('sha256').update(style!, 'utf8').digest('base64')}'`;
    expect(directives(res.headers.get('content-security-policy')!).get('style-src')).toContain(hash);
    // Nothing else inline: no style attributes, no inline scripts (the print button's script is a file of ours).
    expect(html).not.toMatch(/<script(?![^>]*\ssrc="\/api\/dossiers\/print\.js")|\sstyle=|\son[a-z]+=/i);
    // Personal data: never kept by a browser or a proxy; framed only by our own kiosk page.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(directives(res.headers.get('content-security-policy')!).get('frame-ancestors')).toEqual(["'self'"]);
  });

  it('are on a 400 and a 422 from a POST, and on a refused CORS preflight', async () => {
    expectSecurityHeaders(await app.request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' }));
    expectSecurityHeaders(await app.request('http://localhost/api/dossiers', json({ formId: 'to-khai-khai-sinh', values: {} })));
    expectSecurityHeaders(await app.request('http://localhost/api/chat', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } }));
  });

  it('let other sites load the widget script, and nothing else', async () => {
    const widget = await app.request('http://localhost/widget.js');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(widget.headers.get('access-control-allow-origin')).toBe('*');
    const page = await app.request('http://localhost/');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

function expectSecurityHeaders(res: Response, frameAncestors = "'none'"): void {
  const csp = res.headers.get('content-security-policy');
  expect(csp).toBeTruthy();
  const policy = directives(csp!);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual([frameAncestors]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  for (const name of ['script-src', 'style-src', 'default-src']) {
    expect(policy.get(name)?.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  }
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe(frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('cross-origin-resource-policy')).toMatch(/^(same-origin|cross-origin)$/);
  const permissions = res.headers.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions).toContain(feature);
  expect(res.headers.get('x-powered-by')).toBeNull();
}
