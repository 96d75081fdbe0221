import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bodyTooLargeError, originNotAllowedError, unsupportedMediaTypeError } from '../../shared/errors.js';
import { requestHost } from '../client-address.js';
import { isOriginAllowed } from '../static/origin-allowlist.js';

/** Largest body each kind of public write may send (docs/operations.md, "Limits"). */
export const BODY_LIMITS = { chat: 16 * 1024, dossiers: 64 * 1024, admin: 1024 * 1024, kiosk: 4 * 1024, callback: 4 * 1024 } as const;

export interface PublicWriteOptions {
  /** Bytes; a longer body is refused with 413 while it is being read, never read whole. */
  maxBytes: number;
  /** Other sites allowed to post besides the server's own origin (WIDGET_ORIGINS), read per request. */
  allowedOrigins: () => readonly string[];
  trustProxy: boolean;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The one policy of every public endpoint that changes state (docs/operations.md, "Limits"): the Origin, when a
 * browser sends one, is the server's own or listed in WIDGET_ORIGINS (403); the body is JSON (415); and it is
 * counted while it is read, so an oversized body is refused (413) after at most `maxBytes`, however long it is.
 * Rate limits are per route, after this, because they need the parsed session.
 */
export function publicWritePolicy({ maxBytes, allowedOrigins, trustProxy }: PublicWriteOptions): MiddlewareHandler {
  const limit = limitBody(maxBytes);
  return async (c, next) => {
    checkOrigin(c, allowedOrigins(), trustProxy);
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw unsupportedMediaTypeError();
    return limit(c, next);
  };
}

/** Refuses a browser request from a site that is neither this server nor in `allowed`. */
export function checkOrigin(c: Context, allowed: readonly string[], trustProxy: boolean): void {
  if (!isOriginAllowed(c.req.header('origin'), requestHost(c, trustProxy), allowed)) throw originNotAllowedError();
}

/** The body limit alone (officials' routes, whose other checks are the session, CSRF token and role). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw bodyTooLargeError(maxBytes);
    },
  });
}
