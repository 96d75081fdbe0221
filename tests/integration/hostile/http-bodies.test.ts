import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';
import { hostileValue, nearValidFrame, NASTY_STRINGS, validHostileFrame } from './arbitraries.js';

type App = Awaited<ReturnType<typeof buildChatApp>>['app'];

let app: App;
beforeAll(async () => {
  // The rate limits are tested elsewhere (tests/integration/security/); here every body must reach the parser.
  ({ app } = await buildChatApp({ chatMessagesPerMinutePerIp: 1_000_000, chatMessagesPerMinute: 1_000_000, dossiersPerMinute: 1_000_000 }));
});

/** Never a 5xx; always JSON; every 4xx is `{error:{code,message}}` with a stable snake_case code. */
async function expectTypedResponse(res: Response, input: unknown): Promise<void> {
  const what = JSON.stringify(input)?.slice(0, 300);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
  if (res.status >= 400) {
    expect(body.error?.code, what).toMatch(/^[a-z_]+$/);
    expect(typeof body.error?.message, what).toBe('string');
  }
}

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=latin1');
const anyBody = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 3 }), fc.constantFrom('', '{', 'null', '[]', '"x"', '1e999', '{"__proto__":{"x":1}}', '{"frame":{"type":"ping"},"frame":1}'));

async function post(path: string, body: string, type: string): Promise<Response> {
  return await app.request(`http://localhost${path}`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
}

describe('HTTP endpoints under arbitrary bodies and queries', { timeout: 120_000 }, () => {
  it('POST /api/chat answers any body with a reply or a typed 4xx', async () => {
    const chatBody = fc.oneof(
      anyBody,
      fc
        .record(
          {
            sessionId: hostileValue,
            channel: fc.oneof(hostileValue, fc.constantFrom('kiosk', 'widget', 'http')),
            language: fc.oneof(hostileValue, fc.constantFrom('vi', 'en')),
            frame: fc.oneof(nearValidFrame, validHostileFrame, hostileValue),
            extra: hostileValue,
          },
          { requiredKeys: [] },
        )
        .map((body) => JSON.stringify(body)),
      validHostileFrame.map((frame) => JSON.stringify({ frame })),
    );
    await fc.assert(
      fc.asyncProperty(chatBody, contentType, async (body, type) => {
        await expectTypedResponse(await post('/api/chat', body, type), body);
      }),
      { numRuns: 200 },
    );
  });

  it('POST /api/dossiers answers any body with 201 or a typed 4xx', async () => {
    const formId = fc.oneof(hostileValue, fc.constantFrom('to-khai-khai-sinh', 'ct01-thay-doi-cu-tru', 'to-khai-ket-hon', 'to-khai-khai-tu', 'to-khai-cap-ban-sao-trich-luc'));
    const values = fc.oneof(hostileValue, fc.object({ maxDepth: 3 }), fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('tre.ho_ten', 'tre.ngay_sinh', 'thanh_vien.0.ho_ten', '__proto__')), hostileValue, { maxKeys: 8 }));
    const dossierBody = fc.oneof(
      anyBody,
      fc.record({ formId, values, sessionId: hostileValue, channel: hostileValue, extra: hostileValue }, { requiredKeys: [] }).map((body) => JSON.stringify(body)),
      fc.record({ formId, values }).map((body) => JSON.stringify(body)),
    );
    await fc.assert(
      fc.asyncProperty(dossierBody, contentType, async (body, type) => {
        const res = await post('/api/dossiers', body, type);
        expect([201, 400, 413, 415, 422]).toContain(res.status);
        await expectTypedResponse(res, body);
      }),
      { numRuns: 200 },
    );
  });

  it('GET /api/search answers any query string with results or a typed 400', async () => {
    const param = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom(...NASTY_STRINGS), fc.string({ minLength: 490, maxLength: 600 }), fc.integer().map(String), fc.constantFrom('0', '21', '-1', '1.5', 'NaN', '1e3', '0x10', ' 5 '));
    const query = fc.oneof(
      fc.record({ q: param, k: param }, { requiredKeys: [] }).map((p) => new URLSearchParams(p as Record<string, string>).toString()),
      fc.tuple(param, param).map(([q, k]) => new URLSearchParams([['q', q], ['q', k], ['k', k], ['k', '2']]).toString()),
      // Raw, possibly broken percent-encoding straight into the URL.
      fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((raw) => `q=${raw}`),
      fc.constantFrom('q=%', 'q=%%', 'q=%E0%A4%A', 'q=%00', 'q=%C0%AE%C0%AE', 'q', '=', '&&&', 'q=a&k=%FF'),
    );
    await fc.assert(
      fc.asyncProperty(query, async (qs) => {
        let url: URL;
        try {
          url = new URL(`http://localhost/api/search?${qs}`);
        } catch {
          return; // not even a URL: no client could send it
        }
        const res = await app.request(url.href);
        expect([200, 400]).toContain(res.status);
        await expectTypedResponse(res, qs);
      }),
      { numRuns: 200 },
    );
  });
});
