import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { dispatchFrame, type ChatContext } from '../../chat/dispatch.js';
import type { ChatEngine } from '../../chat/engine/chat-engine.js';
import { ClientFrameSchema, LanguageSchema } from '../../chat/protocol.js';
import { unavailableError } from '../../shared/errors.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import type { SessionSecrets } from '../session-secret.js';
import { parseOrThrow, readJsonBody } from '../validate.js';

/** Body of `POST /api/chat`: the same frames as the WebSocket, with the session id (and secret) carried by the client. */
export const ChatRequestSchema = z.strictObject({
  sessionId: z.string().min(8).max(64).optional(),
  /** Given with every reply; required to go on in a kiosk session (docs/protocol.md). */
  sessionSecret: z.string().min(16).max(128).optional(),
  channel: z.enum(['kiosk', 'widget', 'http']).default('http'),
  language: LanguageSchema.optional(),
  frame: ClientFrameSchema,
});

/** Who is calling: the address the limits count, and whether it is one of the ward's kiosks (exempt from them). */
export interface ClientInfo {
  address: string;
  kiosk: boolean;
}

export interface ChatRoutesOptions {
  getEngine: () => ChatEngine | undefined;
  getClient: (c: Context) => ClientInfo;
  /** The public-write policy (origin, JSON, body size) of this route. */
  policy: MiddlewareHandler;
  secrets: SessionSecrets;
  messagesPerMinutePerAddress: number;
  messagesPerMinutePerSession: number;
}

const TOO_FAST = 'Bạn gửi tin nhắn nhanh quá, vui lòng chờ một chút rồi gửi lại.';

/** `POST /api/chat`: the HTTP fallback for clients where WebSocket is blocked; same engine and sessions. */
export function createChatRoutes(options: ChatRoutesOptions): Hono {
  const { getEngine, getClient, policy, secrets } = options;
  const routes = new Hono();
  const perAddress = new RateLimiter(options.messagesPerMinutePerAddress);
  const perSession = new RateLimiter(options.messagesPerMinutePerSession);
  routes.post('/', policy, async (c) => {
    const request = parseOrThrow(ChatRequestSchema, await readJsonBody(c), 'Tin nhắn không hợp lệ.');
    const client = getClient(c);
    if (!client.kiosk) perAddress.enforce(client.address, TOO_FAST);
    const engine = getEngine();
    if (!engine) throw unavailableError();
    const sessionId = await secrets.admit(request.sessionId, request.sessionSecret, (id) => engine.sessionChannel(id));
    if (sessionId) perSession.enforce(sessionId, TOO_FAST);
    const context: ChatContext = { sessionId, channel: request.channel, language: request.language };
    const frames = await dispatchFrame(engine, context, request.frame);
    const id = context.sessionId;
    c.header('Cache-Control', 'no-store');
    return c.json({ sessionId: id ?? null, ...(id ? { sessionSecret: secrets.sign(id) } : {}), frames });
  });
  return routes;
}
