import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/index.js';
import { buildSilentLogger } from '../../helpers/logger.js';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUILD';

/** A fake build beside secrets one and two levels up, which no URL may reach. */
async function buildFakeUi(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ward-ui-'));
  const dist = path.join(root, 'site', 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><html><body data-idle-seconds="120"></body></html>');
  await writeFile(path.join(dist, 'widget.js'), 'console.log("widget")');
  await writeFile(path.join(dist, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'site', 'secret.txt'), SECRET);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  return dist;
}

// Every way of spelling "up one folder" and "separator" that servers have been fooled by.
const SEGMENTS = [
  '..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '%uff0e%uff0e', '..\\', '..%5c', '%5c', '\\',
  '%2f', '%2F', '%252f', '/', '//', '.', '%00', '%2500', 'secret.txt', 'secret.txt%00.js', 'assets', 'widget.js', '%E0%A4%A', '..;',
];
const hostilePath = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join('/')}`);

/** Sends a raw HTTP request line, so no client library normalises the path first. */
function rawGet(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('static files under path traversal', () => {
  let uiDir: string;
  let server: Server;
  let port: number;
  const app = () => createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => undefined, uiDir });

  beforeAll(async () => {
    uiDir = await buildFakeUi();
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('never serves a file outside the build, in-process, whatever the path', async () => {
    const application = app();
    await fc.assert(
      fc.asyncProperty(hostilePath, async (p) => {
        let url: URL;
        try {
          url = new URL(`http://localhost${p}`);
        } catch {
          return;
        }
        const res = await application.request(url.href);
        expect(res.status, p).toBeLessThan(500);
        expect(await res.text(), p).not.toContain(SECRET);
      }),
      { numRuns: 200 },
    );
  });

  it('never serves a file outside the build over raw HTTP, whatever the request line holds', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath, async (p) => {
        const response = await rawGet(port, p);
        expect(response, p).toMatch(/^HTTP\/1\.1 [1-4]\d\d/);
        expect(response, p).not.toContain(SECRET);
      }),
      { numRuns: 150 },
    );
  });

  it.each(['/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/%2E%2E%2F%2E%2E%2Fsecret.txt', '/%252e%252e/secret.txt', '/..\\secret.txt', '/..%5c..%5csecret.txt', '/widget.js%00.html', '/assets/%2e%2e/%2e%2e/secret.txt', '/%c0%ae%c0%ae/secret.txt'])(
    'refuses %s, over raw HTTP too',
    async (p) => {
      const res = await app().request(`http://localhost${p}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(SECRET);
      const raw = await rawGet(port, p);
      expect(raw).not.toContain(SECRET);
      expect(raw).toMatch(/^HTTP\/1\.1 4\d\d/);
    },
  );
});
