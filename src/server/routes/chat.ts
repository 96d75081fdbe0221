import { Hono } from 'hono';
import { z } from 'zod';
import { dispatchFrame, type ChatContext } from '../../chat/dispatch.js';
import type { ChatEngine } from '../../chat/engine/chat-engine.js';
import { ClientFrameSchema } from '../../chat/protocol.js';
import { AppError, unavailableError } from '../../shared/errors.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { parseOrThrow, readJsonBody } from '../validate.js';

/** Body of `POST /api/chat`: the same frames as the WebSocket, with the session id carried by the client. */
export const ChatRequestSchema = z.strictObject({
  sessionId: z.string().min(8).max(64).optional(),
  channel: z.enum(['kiosk', 'widget', 'http']).default('http'),
  language: z.enum(['vi', 'en']).optional(),
  frame: ClientFrameSchema,
});

export interface ChatRoutesOptions {
  getEngine: () => ChatEngine | undefined;
  /** The caller's address for rate limiting (TRUST_PROXY aware). */
  getAddress: (c: { env: unknown }) => string;
  messagesPerMinutePerAddress: number;
}

/** `POST /api/chat`: the HTTP fallback for clients where WebSocket is blocked; same engine and sessions. */
export function createChatRoutes({ getEngine, getAddress, messagesPerMinutePerAddress }: ChatRoutesOptions): Hono {
  const routes = new Hono();
  const limiter = new RateLimiter(messagesPerMinutePerAddress);
  routes.post('/', async (c) => {
    const body = await readJsonBody(c);
    const request = parseOrThrow(ChatRequestSchema, body, 'Tin nhắn không hợp lệ.');
    if (!limiter.take(getAddress(c))) {
      throw new AppError({ status: 429, code: 'rate_limited', message: 'Bạn gửi tin nhắn nhanh quá, vui lòng chờ một chút rồi gửi lại.' });
    }
    const engine = getEngine();
    if (!engine) throw unavailableError();
    const context: ChatContext = { sessionId: request.sessionId, channel: request.channel, language: request.language };
    const frames = await dispatchFrame(engine, context, request.frame);
    return c.json({ sessionId: context.sessionId ?? null, frames });
  });
  return routes;
}
