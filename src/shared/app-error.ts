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

/** True for errors of the application type, whatever realm created them. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
