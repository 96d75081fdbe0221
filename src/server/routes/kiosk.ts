import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { kioskTokenInvalidError } from '../../shared/errors.js';
import { KIOSK_COOKIE, type KioskClients } from '../limits/kiosk-clients.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { parseOrThrow, readJsonBody } from '../validate.js';

const EnrollSchema = z.strictObject({ token: z.string().min(1).max(200) });

export interface KioskRoutesOptions {
  kiosks: KioskClients;
  /** The public-write policy (own origin only, JSON, small body). */
  policy: MiddlewareHandler;
  getAddress: (c: Context) => string;
  trustProxy: boolean;
}

// A browser keeps the cookie at most 400 days; the kiosk is enrolled again after that (docs/operations.md).
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600;

/**
 * `/api/kiosk`: a kiosk's browser is enrolled once with one of the ward's KIOSK_TOKENS; the token then rides in an
 * httpOnly cookie on the chat socket and the HTTP fallback, and that kiosk is exempt from the per-address limits.
 */
export function createKioskRoutes({ kiosks, policy, getAddress, trustProxy }: KioskRoutesOptions): Hono {
  const routes = new Hono();
  // Guessing tokens gets nowhere: a handful of tries a minute per address.
  const attempts = new RateLimiter(10);
  routes.post('/enroll', policy, async (c) => {
    attempts.enforce(getAddress(c), 'Thử quá nhiều lần trong một phút. Vui lòng chờ một chút.');
    const { token } = parseOrThrow(EnrollSchema, await readJsonBody(c), 'Thiếu mã đăng ký máy kiosk (token).');
    if (!kiosks.isToken(token)) throw kioskTokenInvalidError();
    const secure = new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https');
    setCookie(c, KIOSK_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: COOKIE_MAX_AGE_SECONDS });
    return c.json({ kiosk: true });
  });
  // Lets the ward's IT person check, on the kiosk itself, that it is recognised.
  routes.get('/', (c) => c.json({ kiosk: kiosks.recognize(getAddress(c), c.req.header('cookie')) }));
  return routes;
}
