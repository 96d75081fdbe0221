import { Hono } from 'hono';
import { z } from 'zod';
import { VoiceSchema, type SpeechService, type Voice } from '../../speech/index.js';
import type { SpeechConfigBody } from '../../speech/synth/voices.js';
import { rateLimitedError, unavailableError } from '../../shared/errors.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { parseOrThrow } from '../validate.js';

/** Longest text `GET /api/speech` reads (docs/decisions.md, "Contracts": 1–1000 characters). */
export const MAX_SPEECH_CHARS = 1000;

/** Query of `GET /api/speech`. */
export const SpeechQuerySchema = z.object({
  text: z
    .string({ message: 'Hãy gửi đoạn văn cần đọc (text).' })
    .trim()
    .min(1, 'Đoạn văn cần đọc (text) không được để trống.')
    .max(MAX_SPEECH_CHARS, `Đoạn văn cần đọc (text) dài quá ${MAX_SPEECH_CHARS} ký tự.`),
  voice: VoiceSchema.default('north'),
});
export type SpeechQuery = z.infer<typeof SpeechQuerySchema>;

export interface SpeechRoutesOptions {
  getSpeech: () => SpeechService | undefined;
  /** The voice region the ward chose (ward settings), offered to the kiosk as its default. */
  getWardVoice: () => Voice;
  /** Whether voice input is configured (ASR_URL): the kiosk shows its microphone only then. */
  transcribeEnabled: boolean;
  getAddress: (c: { env: unknown }) => string;
  requestsPerMinutePerAddress: number;
}

/** `GET /api/speech` (WAV of a text) and `GET /api/speech/config` (what the kiosk's read-aloud needs to know). */
export function createSpeechRoutes({ getSpeech, getWardVoice, transcribeEnabled, getAddress, requestsPerMinutePerAddress }: SpeechRoutesOptions): Hono {
  const routes = new Hono();
  const limiter = new RateLimiter(requestsPerMinutePerAddress);
  setInterval(() => limiter.sweep(), 60_000).unref();

  routes.get('/config', (c) =>
    c.json({ voice: getWardVoice(), voices: VoiceSchema.options, maxChars: MAX_SPEECH_CHARS, transcribe: transcribeEnabled } satisfies SpeechConfigBody),
  );

  routes.get('/', async (c) => {
    const { text, voice } = parseOrThrow(SpeechQuerySchema, { text: c.req.query('text'), voice: c.req.query('voice') || undefined }, 'Yêu cầu đọc chưa hợp lệ.');
    if (!limiter.take(getAddress(c))) {
      throw rateLimitedError(60, 'Bạn yêu cầu đọc nhanh quá, vui lòng chờ một chút.');
    }
    const speech = getSpeech();
    if (!speech) throw unavailableError();
    const wav = await speech.speak(text, voice);
    // The text may be a citizen's own answer on a form: never cached by the browser or a proxy. The widget plays it
    // inside other sites' pages, where an <audio> element loads it cross-origin.
    return c.body(wav as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'audio/wav',
      'Content-Length': String(wav.length),
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
  return routes;
}
