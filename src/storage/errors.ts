import {
  AppError,
  isAppError,
  storageCorruptError,
  storageFailedError,
  storageUnavailableError,
} from '../shared/errors.js';

// Until storage has its own error type, its client-facing errors are the shared factories (one spelling each).
export {
  revisionNotDraftError,
  sessionEndedError,
  staleRevisionError,
  storageCorruptError,
  storageFailedError,
  storageUnavailableError,
  storageVersionError,
  ticketClosedError,
  usernameTakenError,
} from '../shared/errors.js';

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

/** Maps any error thrown by the driver or the file system to the AppError type; AppErrors pass through. */
export function toStorageError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = errorCodeOf(error);
  const primary = code === undefined ? undefined : primaryCode(code);
  if (primary !== undefined && UNAVAILABLE_CODES.has(primary)) return storageUnavailableError(error);
  if (primary !== undefined && CORRUPT_CODES.has(primary)) return storageCorruptError(error);
  if (isPgUnavailable(code, error)) return storageUnavailableError(error);
  if (code !== undefined && PG_CORRUPT_CODES.has(code)) return storageCorruptError(error);
  return storageFailedError(error);
}
