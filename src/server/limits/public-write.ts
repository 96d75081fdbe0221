import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../shared/errors.js';
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

/** 415: only JSON bodies are read (a browser cannot send them cross-site without asking first). */
export function unsupportedMediaTypeError(): AppError {
  return new AppError({ status: 415, code: 'unsupported_media_type', message: 'Chỉ nhận nội dung dạng JSON (Content-Type: application/json).' });
}

/** 403: a browser page of another site tried to post here. */
export function originNotAllowedError(): AppError {
  return new AppError({ status: 403, code: 'origin_not_allowed', message: 'Trang web này không được phép gửi yêu cầu tới trợ lý.' });
}

/** 413: the body is over the route's limit. */
export function payloadTooLargeError(maxBytes: number): AppError {
  return new AppError({ status: 413, code: 'payload_too_large', message: `Nội dung gửi lên quá lớn (tối đa ${Math.round(maxBytes / 1024)} KB).` });
}

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
      throw payloadTooLargeError(maxBytes);
    },
  });
}
