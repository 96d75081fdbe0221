import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isAcceptedAudioType, type Transcriber } from '../../speech/transcribe/index.js';
import { emptyAudioError, forbiddenOriginError, notFoundError, payloadTooLargeError, rateLimitedError, unsupportedMediaTypeError } from '../../shared/errors.js';
import { RateLimiter } from '../limits/rate-limiter.js';

export interface TranscribeRoutesOptions {
  /** Undefined while ASR_URL is unset: voice input is off and the route answers 404. */
  transcriber: Transcriber | undefined;
  /** Largest recording accepted, in bytes (413 beyond, checked while reading). */
  maxBytes: number;
  getAddress: (c: { env: unknown }) => string;
  requestsPerMinutePerAddress: number;
}

/**
 * `POST /api/transcribe`: the kiosk's recording (raw audio body) is passed to the ward's speech server and the text
 * returned for the citizen to confirm. Only the page's own origin may call it; the audio is never stored or logged.
 * Kept local on purpose (Origin, size, rate); docs/protocol.md describes the checks.
 */
export function createTranscribeRoutes({ transcriber, maxBytes, getAddress, requestsPerMinutePerAddress }: TranscribeRoutesOptions): Hono {
  const routes = new Hono();
  const limiter = new RateLimiter(requestsPerMinutePerAddress);
  setInterval(() => limiter.sweep(), 60_000).unref();

  routes.post(
    '/',
    async (c, next) => {
      if (!transcriber) throw notFoundError('Máy này chưa bật nhận dạng giọng nói.');
      if (!isSameOrigin(c.req.header('Origin'), c.req.header('Host'))) {
        throw forbiddenOriginError();
      }
      if (!isAcceptedAudioType(c.req.header('Content-Type') ?? '')) {
        throw unsupportedMediaTypeError('Chỉ nhận bản ghi âm (audio/webm, audio/ogg, audio/wav …).');
      }
      if (!limiter.take(getAddress(c))) {
        throw rateLimitedError(60, 'Bạn gửi nhanh quá, vui lòng chờ một chút.');
      }
      await next();
    },
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw payloadTooLargeError('Bản ghi âm dài quá, bạn hãy nói ngắn hơn.');
      },
    }),
    async (c) => {
      const audio = new Uint8Array(await c.req.arrayBuffer());
      if (audio.length === 0) throw emptyAudioError();
      const text = await transcriber!.transcribe(audio, c.req.header('Content-Type') ?? '');
      return c.json({ text }, 200, { 'Cache-Control': 'no-store' });
    },
  );
  return routes;
}

/** True when the browser says the request comes from this server's own page (the kiosk); no Origin is refused. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
