import { AppError, isAppError } from '../shared/errors.js';

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

/** 503: the disk is read-only, full, failing or locked; the service may recover without a restart. */
export function storageUnavailableError(cause?: unknown): AppError {
  return new AppError({
    status: 503,
    code: 'storage_unavailable',
    message: 'Hệ thống tạm thời không lưu được dữ liệu. Vui lòng thử lại sau ít phút hoặc liên hệ cán bộ tại quầy.',
    cause,
  });
}

/** 500: a stored value or the database file cannot be read back (tampered, truncated, or a different key). */
export function storageCorruptError(cause?: unknown): AppError {
  return new AppError({
    status: 500,
    code: 'storage_corrupt',
    message: 'Dữ liệu đã lưu không đọc được. Vui lòng liên hệ cán bộ phụ trách hệ thống.',
    cause,
  });
}

/** 500: the database was migrated by a newer release than this one. */
export function storageVersionError(found: number, known: number): AppError {
  return new AppError({
    status: 500,
    code: 'storage_version',
    message:
      `Cơ sở dữ liệu thuộc phiên bản mới hơn (lược đồ ${found}, phiên bản này chỉ biết đến ${known}). ` +
      'Vui lòng cài phiên bản ứng dụng mới hơn.',
  });
}

/** 500: any other storage failure (a bug, a broken constraint). */
export function storageFailedError(cause?: unknown): AppError {
  return new AppError({
    status: 500,
    code: 'storage_failed',
    message: 'Không lưu hoặc đọc được dữ liệu. Vui lòng thử lại.',
    cause,
  });
}

/** 410: the session was ended (kiosk idle wipe, or the citizen left) and cannot be resumed. */
export function sessionEndedError(): AppError {
  return new AppError({
    status: 410,
    code: 'session_ended',
    message: 'Phiên trò chuyện này đã kết thúc. Vui lòng bắt đầu phiên mới.',
  });
}

/** 409: the ticket is already done or cancelled. */
export function ticketClosedError(): AppError {
  return new AppError({
    status: 409,
    code: 'ticket_closed',
    message: 'Số thứ tự này đã được phục vụ xong hoặc đã bị hủy.',
  });
}

/** 409: another account already has this username (compared trimmed and case-insensitively). */
export function usernameTakenError(): AppError {
  return new AppError({
    status: 409,
    code: 'username_taken',
    message: 'Tên đăng nhập này đã có người dùng.',
  });
}

/** 409: someone published the same content after the author opened it; the author must merge by hand. */
export function staleRevisionError(): AppError {
  return new AppError({
    status: 409,
    code: 'stale_revision',
    message:
      'Nội dung này vừa được người khác xuất bản. Hãy xem bản mới và sửa lại; thay đổi của bạn vẫn còn trong biểu mẫu.',
  });
}

/** 409: the revision was already published, superseded by a newer draft, or discarded. */
export function revisionNotDraftError(): AppError {
  return new AppError({
    status: 409,
    code: 'revision_not_draft',
    message: 'Bản này không còn là bản nháp chờ duyệt (đã được xuất bản, đã có bản nháp mới hơn hoặc đã bị hủy).',
  });
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

/** 409: the call-back request was already marked done. */
export function callbackClosedError(): AppError {
  return new AppError({
    status: 409,
    code: 'callback_closed',
    message: 'Yêu cầu gọi lại này đã được đánh dấu xong.',
  });
}
