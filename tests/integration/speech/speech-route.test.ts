import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../../src/server/index.js';
import { createEspeakSynthesizer, createSpeechService, type Synthesizer, type Voice } from '../../../src/speech/index.js';
import { buildSilentLogger } from '../../helpers/logger.js';

/** A synthesizer that records what it was asked and answers a tiny WAV-looking buffer. */
function buildFakeSynthesizer(): Synthesizer & { calls: { text: string; voice: Voice }[] } {
  const calls: { text: string; voice: Voice }[] = [];
  return {
    calls,
    synthesize: async (text, voice) => {
      calls.push({ text, voice });
      return new TextEncoder().encode(`RIFF${voice}:${text}`);
    },
    close: async () => {},
  };
}

function buildApp(deps: Partial<AppDeps> = {}) {
  return createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => undefined, ...deps });
}

const speechUrl = (text: string, voice?: string) =>
  `http://localhost/api/speech?text=${encodeURIComponent(text)}${voice ? `&voice=${voice}` : ''}`;

describe('GET /api/speech with eSpeak NG', () => {
  const synthesizer = createEspeakSynthesizer();
  afterAll(() => synthesizer.close());
  const speech = createSpeechService({ synthesizer });
  const app = buildApp({ getSpeech: () => speech });

  it.each(['north', 'central', 'south'])('answers RIFF PCM audio/wav in the %s voice', async (voice) => {
    const res = await app.request(speechUrl('Ủy ban nhân dân phường xin chào. Lệ phí 50.000 đồng.', voice));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(34)).toBe(16); // 16-bit
    expect(wav.length).toBeGreaterThan(20_000); // more than a second of speech
  });

  it('reads text that starts with a dash as text, not as an option of the engine', async () => {
    const res = await app.request(speechUrl('-h --version'));
    expect(res.status).toBe(200);
  });
});

describe('GET /api/speech contract', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 1,000 characters', 'a'.repeat(1001)],
  ])('answers 400 with the error envelope for %s text', async (_name, text) => {
    const app = buildApp({ getSpeech: () => createSpeechService({ synthesizer: buildFakeSynthesizer() }) });
    const res = await app.request(speechUrl(text));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.any(String) } });
  });

  it('accepts exactly 1,000 characters and answers 400 for an unknown voice or a missing text', async () => {
    const app = buildApp({ getSpeech: () => createSpeechService({ synthesizer: buildFakeSynthesizer() }) });
    expect((await app.request(speechUrl('a'.repeat(1000)))).status).toBe(200);
    expect((await app.request(speechUrl('xin chào', 'west'))).status).toBe(400);
    expect((await app.request('http://localhost/api/speech')).status).toBe(400);
  });

  it('synthesises once per (text, voice): the cache answers repeats', async () => {
    const synthesizer = buildFakeSynthesizer();
    const speech = createSpeechService({ synthesizer });
    const app = buildApp({ getSpeech: () => speech });
    const first = await (await app.request(speechUrl('Lệ phí 50.000 đồng', 'south'))).text();
    const again = await (await app.request(speechUrl('Lệ phí 50.000 đồng', 'south'))).text();
    await app.request(speechUrl('Lệ phí 50.000 đồng', 'north'));
    expect(again).toBe(first);
    expect(synthesizer.calls).toEqual([
      { text: 'lệ phí năm mươi nghìn đồng', voice: 'south' },
      { text: 'lệ phí năm mươi nghìn đồng', voice: 'north' },
    ]);
  });

  it('is rate-limited per address like the chat (429 with Retry-After)', async () => {
    const app = buildApp({ getSpeech: () => createSpeechService({ synthesizer: buildFakeSynthesizer() }), speechRequestsPerMinutePerIp: 2 });
    expect((await app.request(speechUrl('một'))).status).toBe(200);
    expect((await app.request(speechUrl('hai'))).status).toBe(200);
    const limited = await app.request(speechUrl('ba'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('answers 503 while speech is not ready', async () => {
    const res = await buildApp().request(speechUrl('xin chào'));
    expect(res.status).toBe(503);
  });

  it('tells the kiosk the ward voice and whether voice input is on', async () => {
    const app = buildApp({ getWardVoice: () => 'central' });
    expect(await (await app.request('http://localhost/api/speech/config')).json()).toEqual({
      voice: 'central',
      voices: ['north', 'central', 'south'],
      maxChars: 1000,
      transcribe: false,
    });
  });

  it('answers 500 with the envelope when the engine fails, and recovers', async () => {
    let fail = true;
    const synthesizer: Synthesizer = {
      synthesize: async () => {
        if (fail) throw new Error('boom');
        return new Uint8Array([82, 73, 70, 70]);
      },
      close: async () => {},
    };
    const app = buildApp({ getSpeech: () => createSpeechService({ synthesizer }) });
    const failed = await app.request(speechUrl('xin chào'));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { code: 'internal_error' } });
    fail = false;
    expect((await app.request(speechUrl('xin chào'))).status).toBe(200);
  });
});
