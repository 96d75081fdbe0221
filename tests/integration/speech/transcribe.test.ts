import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../../src/server/index.js';
import { createAsrClient } from '../../../src/speech/transcribe/index.js';
import { buildCapturingLogger, buildSilentLogger } from '../../helpers/logger.js';

type Behaviour = 'good' | 'slow' | 'garbage' | 'error';

/** A fake OpenAI-compatible transcription server on port 0; the path's first segment picks how it behaves. */
async function startFakeAsr(): Promise<{ server: Server; base: string; received: { path: string; body: string }[] }> {
  const received: { path: string; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('latin1') });
      const behaviour = (req.url ?? '').split('/')[1] as Behaviour;
      if (behaviour === 'good') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ text: ' Tôi muốn đăng ký khai sinh cho con. ' }));
      } else if (behaviour === 'slow') {
        setTimeout(() => res.end(JSON.stringify({ text: 'quá muộn' })), 3000).unref();
      } else if (behaviour === 'garbage') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>not json</html>');
      } else {
        res.writeHead(500);
        res.end(JSON.stringify({ error: 'model not loaded' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const AUDIO = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4, 5, 6, 7, 8]); // a webm header and some bytes

function buildApp(asrBase: string | undefined, deps: Partial<AppDeps> = {}) {
  return createApp({
    logger: buildSilentLogger(),
    getHealth: () => ({ status: 'ok' }),
    getSearch: () => undefined,
    transcriber: asrBase ? createAsrClient({ url: `${asrBase}/v1`, model: 'whisper-1', timeoutMs: 500 }) : undefined,
    ...deps,
  });
}

const post = (body: ConstructorParameters<typeof Request>[1] extends infer I ? (I extends { body?: infer B } ? B : never) : never, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/transcribe', {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', Host: 'localhost', 'Content-Type': 'audio/webm;codecs=opus', ...headers },
  });

describe('POST /api/transcribe against a fake speech server', () => {
  let fake: Awaited<ReturnType<typeof startFakeAsr>>;
  beforeAll(async () => (fake = await startFakeAsr()));
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  it('good: passes the audio as multipart to /audio/transcriptions and answers the text to confirm', async () => {
    const res = await buildApp(`${fake.base}/good`).request(post(AUDIO));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ text: 'Tôi muốn đăng ký khai sinh cho con.' });
    const sent = fake.received.at(-1)!;
    expect(sent.path).toBe('/good/v1/audio/transcriptions');
    expect(sent.body).toContain('name="model"');
    expect(sent.body).toContain('whisper-1');
    expect(sent.body).toContain('name="language"');
    expect(sent.body).toContain('filename="speech.webm"');
  });

  it('slow: gives up after ASR_TIMEOUT_MS with 504', async () => {
    const started = Date.now();
    const res = await buildApp(`${fake.base}/slow`).request(post(AUDIO));
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'asr_timeout', message: expect.any(String) } });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('garbage or an error status: 502 asr_failed', async () => {
    for (const path of ['garbage', 'error']) {
      const res = await buildApp(`${fake.base}/${path}`).request(post(AUDIO));
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: { code: 'asr_failed' } });
    }
  });

  it('down: 502 asr_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await buildApp(`http://127.0.0.1:${port}`).request(post(AUDIO));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'asr_unavailable' } });
  });

  it('refuses another origin, no origin, a non-audio body, an empty or too large recording', async () => {
    const app = buildApp(`${fake.base}/good`, { transcribeMaxBytes: 1000 });
    const count = fake.received.length;
    expect((await app.request(post(AUDIO, { Origin: 'https://evil.example' }))).status).toBe(403);
    const noOrigin = post(AUDIO);
    noOrigin.headers.delete('Origin');
    expect((await app.request(noOrigin)).status).toBe(403);
    expect((await app.request(post('{"a":1}', { 'Content-Type': 'application/json' }))).status).toBe(415);
    expect((await app.request(post(new Uint8Array(0)))).status).toBe(400);
    const tooLarge = await app.request(post(new Uint8Array(5000)));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(fake.received.length).toBe(count);
  });

  it('never logs the audio or the text', async () => {
    const { logger, lines } = buildCapturingLogger();
    const app = buildApp(`${fake.base}/good`, { logger });
    await app.request(post(AUDIO));
    await buildApp(`${fake.base}/error`, { logger }).request(post(AUDIO));
    const logged = lines().join('\n');
    expect(logged).not.toContain('khai sinh');
    expect(logged).not.toContain('\u001aE');
  });

  it('is rate-limited per address', async () => {
    const app = buildApp(`${fake.base}/good`, { speechRequestsPerMinutePerIp: 1 });
    expect((await app.request(post(AUDIO))).status).toBe(200);
    expect((await app.request(post(AUDIO))).status).toBe(429);
  });
});

describe('microphone permission', () => {
  it('is granted to our own pages only when voice input is configured', async () => {
    const on = await buildApp('http://127.0.0.1:9/v1').request('http://localhost/healthz');
    expect(on.headers.get('permissions-policy')).toContain('microphone=(self)');
    const off = await buildApp(undefined).request('http://localhost/healthz');
    expect(off.headers.get('permissions-policy')).toContain('microphone=()');
  });
});

describe('POST /api/transcribe without ASR_URL', () => {
  it('answers 404: voice input is off by default', async () => {
    const res = await buildApp(undefined).request(post(AUDIO));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
