import { s } from '../i18n/strings.js';

/** An error answer of `/admin/api`: its status, stable code, the message for the official, and the whole body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `errors[]` of a 400 validation answer. */
  get fieldErrors(): { field: string; message: string }[] {
    const errors = this.body.errors;
    return Array.isArray(errors) ? (errors as { field: string; message: string }[]) : [];
  }
}

let csrfToken = '';
let onUnauthorized: (() => void) | undefined;

/** Remembers the token sent back in `X-CSRF-Token` (from the login answer or `GET /session`). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** What to do when a request answers 401 (the session ended): the shell goes back to the login screen. */
export function handleUnauthorized(callback: () => void): void {
  onUnauthorized = callback;
}

type Query = Record<string, string | number | boolean | undefined>;

/** `/admin/api` + path + the query's non-empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/admin/api${path}${search ? `?${search}` : ''}`;
}

/** One request to the officials' API: same-origin cookie, CSRF header on every change, JSON both ways. */
async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', s.networkError, {});
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body as T;
  const error = (body.error ?? {}) as { code?: string; message?: string };
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  const failure = new ApiError(response.status, error.code ?? 'error', error.message ?? s.genericError, body, retryAfter);
  // A 401 on the log-in itself is a wrong password, not an ended session.
  if (response.status === 401 && path !== '/login' && path !== '/session') onUnauthorized?.();
  throw failure;
}

/** The officials' API (docs/admin-api.md). */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** The message to show for any failure of a call (an API message, or a generic one). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message || (error.status === 403 ? s.forbidden : s.genericError);
  return s.genericError;
}
