import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  callbackClosedError,
  isAppError,
  notFoundError,
  revisionNotDraftError,
  sessionEndedError,
  staleRevisionError,
  storageCorruptError,
  storageFailedError,
  storageNeedsUpgradeError,
  storageUnavailableError,
  storageVersionError,
  ticketClosedError,
  usernameTakenError,
  validationError,
  type AppError,
  type FieldError,
} from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { isStorageError, type StorageError, type StoredThing } from '../storage/errors.js';

/** The JSON body of every 4xx/5xx response (docs/decisions.md, "Contracts"). */
export interface ErrorBody {
  error: { code: string; message: string };
  errors?: FieldError[];
}

/** Builds the error body with its stable code and a message for a person. */
export function buildErrorBody(code: string, message: string, errors?: FieldError[]): ErrorBody {
  return errors && errors.length > 0 ? { error: { code, message }, errors } : { error: { code, message } };
}

/** What a client reads when storage has no such row. */
const NOT_FOUND_MESSAGES: Readonly<Record<StoredThing, string>> = {
  session: 'Không tìm thấy phiên trò chuyện.',
  official: 'Không tìm thấy tài khoản.',
  gap: 'Không tìm thấy câu hỏi.',
  revision: 'Không tìm thấy bản chỉnh sửa.',
  ticket: 'Không tìm thấy số thứ tự.',
  rated_message: 'Không tìm thấy câu trả lời cần đánh giá.',
  dossier: 'Không tìm thấy hồ sơ với mã này.',
  callback: 'Không tìm thấy yêu cầu gọi lại.',
};

/** Storage's own error as a client sees it: the one table from storage's terms to codes, statuses and words. */
export function fromStorageError(error: StorageError): AppError {
  switch (error.code) {
    case 'not_found':
      return notFoundError(error.subject ? NOT_FOUND_MESSAGES[error.subject] : undefined);
    case 'session_ended':
      return sessionEndedError();
    case 'ticket_closed':
      return ticketClosedError();
    case 'callback_closed':
      return callbackClosedError();
    case 'username_taken':
      return usernameTakenError();
    case 'stale_revision':
      return staleRevisionError();
    case 'revision_not_draft':
      return revisionNotDraftError();
    case 'validation_failed':
      return validationError([{ field: error.field ?? '(root)', message: error.problem ?? error.message }]);
    case 'storage_unavailable':
      return storageUnavailableError(error);
    case 'storage_corrupt':
      return storageCorruptError(error);
    case 'storage_version': {
      const { found, known, readOnly } = error.version ?? { found: 0, known: 0, readOnly: false };
      return readOnly ? storageNeedsUpgradeError(found, known, error) : storageVersionError(found, known, error);
    }
    case 'storage_failed':
      return storageFailedError(error);
  }
}

/** The application error a client is told about, for errors of the application or of storage; undefined for others. */
export function toClientError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (isStorageError(error)) return fromStorageError(error);
  return undefined;
}

/** The one place where any thrown error becomes an HTTP response. */
export function mapErrorToResponse(thrown: unknown, c: Context, logger: Logger): Response {
  const error = toClientError(thrown) ?? thrown;
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
