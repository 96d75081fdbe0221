import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { OfficialInfo, SessionBody } from '../../../admin/api/wire.js';
import { AuthService, type AuthPolicy } from '../../../admin/auth/auth-service.js';
import { UnknownUserLockout } from '../../../admin/auth/unknown-users.js';
import { TOKEN_ACTOR, type Actor } from '../../../admin/auth/roles.js';
import { csrfError, unauthorizedError } from '../../../shared/errors.js';
import type { Official, Storage } from '../../../storage/types.js';
import { RateLimiter } from '../../limits/rate-limiter.js';
import { parseOrThrow, readJsonBody } from '../../validate.js';
import { requestHost } from '../../client-address.js';
import type { AdminEnv } from './context.js';

/** The session cookie: httpOnly, SameSite=Strict, only sent to /admin. */
export const SESSION_COOKIE = 'ward_admin';
const COOKIE_PATH = '/admin';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const LoginSchema = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export interface AdminAuthOptions {
  storage: () => Storage;
  /** Optional bearer token for scripts (ADMIN_TOKEN): admin role, no cookie, so no CSRF token needed. */
  getToken: () => string | undefined;
  policy?: Partial<AuthPolicy>;
  /** The caller's address, for the per-address limit on log-in attempts. */
  getAddress: (c: Pick<Context, 'env'>) => string;
  /** Log-in attempts per minute per address. */
  loginsPerMinute?: number;
  trustProxy: boolean;
  /** The public-write policy (own origin, JSON, body size) of `POST /login`. */
  loginPolicy: MiddlewareHandler;
  now?: () => Date;
}

function publicOfficial(official: Official): OfficialInfo {
  return { id: official.id, username: official.username, displayName: official.displayName, role: official.role };
}

function sameDigest(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function isSecure(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * `/admin/api/login|logout|session` and the guard of everything else: a cookie session (with the CSRF token on every
 * state-changing request and the Origin, when sent, being our own) or the ADMIN_TOKEN bearer.
 */
export function createAdminAuth(options: AdminAuthOptions): { routes: Hono<AdminEnv>; guard: MiddlewareHandler<AdminEnv> } {
  // Stateless over storage: built per request, so it always uses the storage in force.
  const unknownUsers = new UnknownUserLockout();
  const auth = () => new AuthService(options.storage(), options.policy, options.now, unknownUsers);
  const limiter = new RateLimiter(options.loginsPerMinute ?? 20);
  const routes = new Hono<AdminEnv>();

  routes.post('/login', options.loginPolicy, async (c) => {
    limiter.enforce(options.getAddress(c), 'Đăng nhập quá nhiều lần trong một phút. Vui lòng chờ một chút.');
    const body = await readJsonBody(c);
    const { username, password } = parseOrThrow(LoginSchema, body, 'Vui lòng nhập tên đăng nhập và mật khẩu.');
    const result = await auth().login(username, password);
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: COOKIE_PATH,
      secure: isSecure(c, options.trustProxy),
      expires: result.expiresAt,
    });
    return c.json({ official: publicOfficial(result.official), csrfToken: result.csrfToken } satisfies SessionBody);
  });

  const guard: MiddlewareHandler<AdminEnv> = async (c, next) => {
    const bearer = c.req.header('authorization');
    if (bearer !== undefined) {
      const expected = options.getToken();
      const given = bearer.startsWith('Bearer ') ? bearer.slice(7) : '';
      if (!expected || !given || !sameDigest(given, expected)) throw unauthorizedError();
      c.set('actor', TOKEN_ACTOR);
      c.set('session', undefined);
      return next();
    }
    const found = await auth().authenticate(getCookie(c, SESSION_COOKIE));
    if (!found) throw unauthorizedError();
    if (UNSAFE_METHODS.has(c.req.method)) {
      checkOrigin(c, options.trustProxy);
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sent || !sameDigest(sent, found.session.csrfToken)) throw csrfError();
    }
    const actor: Actor = { officialId: found.official.id, username: found.official.username, displayName: found.official.displayName, role: found.official.role };
    c.set('actor', actor);
    c.set('session', found.session);
    return next();
  };

  routes.get('/session', guard, async (c) => {
    const actor = c.var.actor;
    const session = c.var.session;
    return c.json({ official: { id: actor.officialId ?? null, username: actor.username, displayName: actor.displayName, role: actor.role }, csrfToken: session?.csrfToken ?? null } satisfies SessionBody);
  });

  routes.post('/logout', guard, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const actor = c.var.actor;
    if (token && actor.officialId) {
      const official = await options.storage().officials.get(actor.officialId);
      if (official) await auth().logout(token, official);
    }
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.body(null, 204);
  });

  return { routes, guard };
}

/** A browser request from another site is refused even before the CSRF token is looked at. */
function checkOrigin(c: Context, trustProxy: boolean): void {
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  const host = requestHost(c, trustProxy);
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    throw csrfError();
  }
  if (given.host !== host) throw csrfError();
}
