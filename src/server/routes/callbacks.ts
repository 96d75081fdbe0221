import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CallbackRequestSchema } from '../../callbacks/index.js';
import type { Logger } from '../../shared/logger.js';
import { unavailableError } from '../../shared/errors.js';
import type { Storage } from '../../storage/types.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { parseOrThrow, readJsonBody } from '../validate.js';
import type { ClientInfo } from './chat.js';

export interface CallbackRoutesOptions {
  getStorage: () => Storage | undefined;
  getClient: (c: Context) => ClientInfo;
  /** The public-write policy (origin, JSON, body size) of `POST /api/callbacks`. */
  policy: MiddlewareHandler;
  /** Requests a minute per address and per session. */
  callbacksPerMinute: number;
  logger: Logger;
}

const TOO_MANY = 'Bạn đã gửi yêu cầu gọi lại nhiều lần. Vui lòng chờ một chút rồi gửi lại.';

/**
 * `POST /api/callbacks`: a website visitor asks an official to call back (docs/kiosk-ui.md, "Call-back"). Linked to
 * the widget session it came from, when that is an open widget session, for the topic shown on the desk.
 */
export function createCallbackRoutes({ getStorage, getClient, policy, callbacksPerMinute, logger }: CallbackRoutesOptions): Hono {
  const routes = new Hono();
  const log = logger.child({ module: 'callbacks' });
  const perAddress = new RateLimiter(callbacksPerMinute);
  const perSession = new RateLimiter(callbacksPerMinute);
  const storage = () => getStorage() ?? raise();
  routes.post('/', policy, async (c) => {
    const request = parseOrThrow(CallbackRequestSchema, await readJsonBody(c), 'Yêu cầu gọi lại chưa hợp lệ.');
    const client = getClient(c);
    perAddress.enforce(client.address, TOO_MANY);
    const session = request.sessionId ? await storage().sessions.get(request.sessionId) : undefined;
    // Only a widget's own open session is linked: a kiosk's id must never attach anything to it (docs/protocol.md).
    const linked = session && session.channel === 'widget' && !session.endedAt ? session : undefined;
    if (linked) perSession.enforce(linked.id, TOO_MANY);
    const topic = typeof linked?.state.lastEntryId === 'string' ? linked.state.lastEntryId : undefined;
    const created = await storage().callbacks.create({
      name: request.name,
      phone: request.phone,
      language: request.language,
      ...(linked ? { sessionId: linked.id } : {}),
      ...(topic ? { topic } : {}),
    });
    // The id only: the name and phone are the visitor's personal data.
    log.info({ id: created.id }, 'call-back requested');
    return c.json({ id: created.id, status: created.status, createdAt: created.createdAt.toISOString() }, 201);
  });
  return routes;
}

function raise(): never {
  throw unavailableError();
}
