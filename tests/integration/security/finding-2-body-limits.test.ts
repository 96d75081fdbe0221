import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';
import { errorOf, fromAddress } from './support.js';

// Finding 2: a 50 MB body to /api/chat, /api/dossiers or /admin/api/login was read and parsed whole, then 400.
type App = Awaited<ReturnType<typeof buildChatApp>>['app'];
const MB = 1024 * 1024;

/** A JSON-looking body of `total` bytes produced on demand; `pulled()` says how much the server asked for. */
function hugeBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"x":"'));
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

const LIMITS: [string, number][] = [
  ['/api/chat', 16 * 1024],
  ['/api/dossiers', 64 * 1024],
  ['/admin/api/login', MB],
];

describe('finding 2: bodies are limited while they are read', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildChatApp());
  });

  it.each(LIMITS)('%s answers 413 after reading at most its limit of a 50 MB body', async (path, limit) => {
    const body = hugeBody(50 * MB);
    const res = await app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.stream, duplex: 'half' } as RequestInit, fromAddress('203.0.113.9'));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('quá lớn') });
    // At most the limit plus the chunks read ahead, never the whole 50 MB.
    expect(body.pulled()).toBeLessThanOrEqual(limit + 4 * 64 * 1024);
  });

  it('still takes an ordinary message', async () => {
    const text = 'đăng ký tạm trú ';
    const res = await app.request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text }, channel: 'widget' }) }, fromAddress('203.0.113.10'));
    expect(res.status).toBe(200);
  });
});

describe('finding 2 over a real socket', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const { app } = await buildChatApp();
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['/api/chat', '/api/dossiers', '/admin/api/login'])('%s refuses a declared 50 MB body before it is sent', async (path) => {
    const { status, body, written } = await new Promise<{ status: number; body: string; written: number }>((resolve, reject) => {
      let written = 0;
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * MB) } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: text, written });
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Write slowly: the answer must come long before the 50 MB would be through.
      const pump = () => {
        if (req.destroyed || written >= 50 * MB) return;
        written += chunk.length;
        req.write(chunk, () => setTimeout(pump, 1));
      };
      req.write('{"x":"');
      pump();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(written).toBeLessThan(10 * MB);
  });
});
