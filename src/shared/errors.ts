/** One field-level problem in a validation failure, named by its dot path. */
export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  status: number;
  code: string;
  /** Shown to the person: plain, polite, no internals. */
  message: string;
  errors?: FieldError[];
  /** Extra top-level fields of the error body a client needs to recover (e.g. the newer content on a 409). */
  details?: Record<string, unknown>;
  /** Response headers the client needs to recover (e.g. `Retry-After` on a 429). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** The one application error type: a stable code, an HTTP status and a message fit for the person. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor({ status, code, message, errors, details, headers, cause }: AppErrorOptions) {
    super(message, { cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.details = details;
    this.headers = headers;
  }
}

/** 400 with the fields that failed validation. */
export function validationError(errors: FieldError[], message = 'Dữ liệu gửi lên chưa hợp lệ.'): AppError {
  return new AppError({ status: 400, code: 'validation_failed', message, errors });
}

/** 404 for a resource that does not exist. */
export function notFoundError(message = 'Không tìm thấy nội dung yêu cầu.'): AppError {
  return new AppError({ status: 404, code: 'not_found', message });
}

/** 503 while the service is still loading what it needs. */
export function unavailableError(message = 'Hệ thống đang khởi động, vui lòng thử lại sau giây lát.'): AppError {
  return new AppError({ status: 503, code: 'service_unavailable', message });
}

/** True for errors of the application type, whatever realm created them. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** 401: not logged in (or the session ended). */
export function unauthorizedError(message = 'Cần đăng nhập với quyền cán bộ.'): AppError {
  return new AppError({ status: 401, code: 'unauthorized', message });
}

/** 403: logged in, but the role does not allow this. */
export function forbiddenError(message = 'Tài khoản của bạn không có quyền làm việc này.'): AppError {
  return new AppError({ status: 403, code: 'forbidden', message });
}

/** 429 with `Retry-After`: too many requests from one address or session in a minute. */
export function rateLimitedError(retryAfterSeconds: number, message = 'Bạn gửi yêu cầu nhanh quá, vui lòng chờ một chút rồi thử lại.'): AppError {
  return new AppError({ status: 429, code: 'rate_limited', message, headers: { 'Retry-After': String(retryAfterSeconds) } });
}
