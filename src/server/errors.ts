import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAppError, type FieldError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** The JSON body of every 4xx/5xx response (docs/decisions.md, "Contracts"). */
export interface ErrorBody {
  error: { code: string; message: string };
  errors?: FieldError[];
}

/** Builds the error body with its stable code and a message for a person. */
export function buildErrorBody(code: string, message: string, errors?: FieldError[]): ErrorBody {
  return errors && errors.length > 0 ? { error: { code, message }, errors } : { error: { code, message } };
}

/** The one place where any thrown error becomes an HTTP response. */
export function mapErrorToResponse(error: unknown, c: Context, logger: Logger): Response {
  if (isAppError(error)) {
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json({ ...error.details, ...buildErrorBody(error.code, error.message, error.errors) }, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status < 500 ? 'bad_request' : 'internal_error';
    const message =
      status === 413 ? 'Nội dung gửi lên quá lớn.' : status < 500 ? 'Yêu cầu không hợp lệ.' : 'Đã có lỗi xảy ra, vui lòng thử lại.';
    return c.json(buildErrorBody(code, message), status as ContentfulStatusCode);
  }
  // Unknown errors: log the type and stack (never request bodies or queries), answer generically.
  const err = error instanceof Error ? error : new Error(String(error));
  logger.error({ err: { type: err.name, stack: err.stack }, reqId: c.get('requestId') }, 'unhandled error');
  return c.json(buildErrorBody('internal_error', 'Đã có lỗi xảy ra, vui lòng thử lại sau.'), 500);
}
