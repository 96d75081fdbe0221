import { isAppError, type AppError } from '../shared/app-error.js';

/**
 * What storage reports, in its own terms: no HTTP status and no words for citizens (docs/decisions.md, "Errors").
 * The codes are stable and read by callers (`storage_unavailable` lets the chat degrade, `stale_revision` lets the
 * workbench send the newer content); src/server/errors.ts turns each into what a client sees.
 */
export type StorageErrorCode =
  | 'not_found'
  | 'session_ended'
  | 'ticket_closed'
  | 'callback_closed'
  | 'username_taken'
  | 'stale_revision'
  | 'revision_not_draft'
  | 'validation_failed'
  | 'storage_unavailable'
  | 'storage_corrupt'
  | 'storage_version'
  | 'storage_failed';

/** What a `not_found` was looking for. */
export type StoredThing = 'session' | 'official' | 'gap' | 'revision' | 'ticket' | 'rated_message' | 'dossier' | 'callback';

export interface StorageErrorOptions {
  subject?: StoredThing | undefined;
  /** The input field an `validation_failed` names, and what is wrong with it. */
  field?: string | undefined;
  problem?: string | undefined;
  /** `storage_version`: the schema found, the newest this release knows, and whether the database is read-only. */
  version?: { found: number; known: number; readOnly: boolean } | undefined;
  cause?: unknown;
}

/** A storage failure or refusal; its message is English for logs and operators, never shown to a citizen. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly subject: StoredThing | undefined;
  readonly field: string | undefined;
  readonly problem: string | undefined;
  readonly version: StorageErrorOptions['version'];

  constructor(code: StorageErrorCode, message: string, { subject, field, problem, version, cause }: StorageErrorOptions = {}) {
    super(message, { cause });
    this.name = 'StorageError';
    this.code = code;
    this.subject = subject;
    this.field = field;
    this.problem = problem;
    this.version = version;
  }
}

/** True for storage's own errors (of the given code, when one is given). */
export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}

/** No such row. */
export function recordNotFound(subject: StoredThing): StorageError {
  return new StorageError('not_found', `${subject} not found`, { subject });
}

/** The session was ended (kiosk idle wipe, or the citizen left) and cannot be resumed. */
export function sessionEnded(): StorageError {
  return new StorageError('session_ended', 'the session has ended');
}

/** The ticket is already done or cancelled. */
export function ticketClosed(): StorageError {
  return new StorageError('ticket_closed', 'the ticket is done or cancelled');
}

/** The call-back request was already marked done. */
export function callbackClosed(): StorageError {
  return new StorageError('callback_closed', 'the call-back request is already done');
}

/** Another account already has this username (compared trimmed and case-insensitively). */
export function usernameTaken(): StorageError {
  return new StorageError('username_taken', 'the username is taken');
}

/** Someone published the same target after the draft's base revision. */
export function staleRevision(): StorageError {
  return new StorageError('stale_revision', 'a newer revision was published since the base revision');
}

/** The revision was already published, superseded by a newer draft, or discarded. */
export function revisionNotDraft(): StorageError {
  return new StorageError('revision_not_draft', 'the revision is no longer a draft');
}

/** A value the storage interface cannot take (e.g. a negative count), naming the input field. */
export function invalidValue(field: string, problem: string): StorageError {
  return new StorageError('validation_failed', `${field}: ${problem}`, { field, problem });
}

/** The disk or database is read-only, full, failing, locked or unreachable; it may recover without a restart. */
export function storageUnavailable(cause?: unknown): StorageError {
  return new StorageError('storage_unavailable', 'storage cannot take work right now', { cause });
}

/** A stored value or the database cannot be read back (tampered, truncated, or a different key). */
export function storageCorrupt(cause?: unknown): StorageError {
  return new StorageError('storage_corrupt', 'stored data cannot be read back', { cause });
}

/** The database was migrated by a newer release, or (read-only) needs migrating before this release can use it. */
export function storageVersion(found: number, known: number, readOnly = false): StorageError {
  const message = readOnly
    ? `the read-only database has schema ${found} and needs migrating to ${known}`
    : `the database has schema ${found}, newer than this release knows (${known})`;
  return new StorageError('storage_version', message, { version: { found, known, readOnly } });
}

/** Any other storage failure (a bug, a broken constraint). */
export function storageFailed(cause?: unknown): StorageError {
  return new StorageError('storage_failed', 'storage operation failed', { cause });
}

/** Primary SQLite result codes (and file-system errno codes) that mean "the disk cannot take writes right now". */
const UNAVAILABLE_CODES = new Set([
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_PERM',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EIO',
  'EDQUOT',
]);

/** Codes that mean the file is not a database we can read. */
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * PostgreSQL SQLSTATEs (and socket errno codes) that mean "the database cannot take work right now": disk full
 * (53100), out of memory or connections (53xxx), a read-only standby (25006), shutdown or restart (57P0x),
 * a lock or serialization conflict, a lost or refused connection.
 */
const PG_UNAVAILABLE_CODES = new Set([
  '25006',
  '40001',
  '40P01',
  '55P03',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '57P04',
  '58000',
  '58030',
  '3D000',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATE classes that are unavailability as a whole: 08 connection exception, 53 insufficient resources. */
const PG_UNAVAILABLE_CLASSES = ['08', '53'];

/** SQLSTATEs for data PostgreSQL itself found damaged. */
const PG_CORRUPT_CODES = new Set(['XX001', 'XX002']);

/** node-postgres reports a dropped or timed-out connection without a code; these are its messages. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

function isPgUnavailable(code: string | undefined, error: unknown): boolean {
  if (code !== undefined) {
    return PG_UNAVAILABLE_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && PG_UNAVAILABLE_CLASSES.includes(code.slice(0, 2)));
  }
  const message = error instanceof Error ? error.message : '';
  return PG_CONNECTION_MESSAGES.some((prefix) => message.startsWith(prefix));
}

/** The SQLite, PostgreSQL (SQLSTATE) or errno code of an error, if it carries one. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Extended SQLite codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...) reduced to their primary code. */
function primaryCode(code: string): string {
  return code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
}

/**
 * Maps any error thrown by the driver or the file system to a StorageError; storage's own errors, and application
 * errors thrown by a caller's code inside a transaction, pass through unchanged.
 */
export function toStorageError(error: unknown): StorageError | AppError {
  if (isStorageError(error) || isAppError(error)) return error;
  const code = errorCodeOf(error);
  const primary = code === undefined ? undefined : primaryCode(code);
  if (primary !== undefined && UNAVAILABLE_CODES.has(primary)) return storageUnavailable(error);
  if (primary !== undefined && CORRUPT_CODES.has(primary)) return storageCorrupt(error);
  if (isPgUnavailable(code, error)) return storageUnavailable(error);
  if (code !== undefined && PG_CORRUPT_CODES.has(code)) return storageCorrupt(error);
  return storageFailed(error);
}
