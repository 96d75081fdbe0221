import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';

type App = Awaited<ReturnType<typeof buildChatApp>>['app'];
const TOKEN = 'correct-horse-battery-staple';

let app: App;
beforeAll(async () => {
  ({ app } = await buildChatApp({ adminToken: TOKEN }));
});

async function expectUnauthorized(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(401);
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  const body = (await res.json()) as { error?: { code?: string; message?: string } };
  expect(body.error?.code, what).toBe('unauthorized');
  expect(body.error?.message, what).toEqual(expect.any(String));
}

describe('/admin/api without valid credentials', () => {
  it.each([
    ['GET', '/admin/api/tickets'],
    ['GET', '/admin/api/dossiers'],
    ['GET', '/admin/api/dossiers/HS-AAA-BBB-CCC/print'],
    ['POST', '/admin/api/tickets/x/call'],
    ['GET', '/admin/api/feedback'],
  ])('%s %s answers 401 JSON', async (method, url) => {
    await expectUnauthorized(await app.request(`http://localhost${url}`, { method }), `${method} ${url}`);
  });

  it('answers 401 JSON for any Authorization header but the right one', async () => {
    const header = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((t) => `Bearer ${t}`),
      fc.constantFrom('Bearer', 'Bearer ', `Bearer ${TOKEN} `, `bearer${TOKEN}`, `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Token ${TOKEN}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        fc.pre(authorization.trim() !== `Bearer ${TOKEN}`);
        let headers: Headers;
        try {
          headers = new Headers({ authorization });
        } catch {
          return; // not a valid header value: no client could send it
        }
        await expectUnauthorized(await app.request('http://localhost/admin/api/tickets', { headers }), authorization);
      }),
      { numRuns: 150 },
    );
  });
});
