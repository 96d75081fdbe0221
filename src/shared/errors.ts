import { AppError, type FieldError } from './app-error.js';
import type { Language } from './language.js';

// Every error a client or an operator can see, one factory each: its stable code, HTTP status and the words a person
// reads are decided here and nowhere else (docs/decisions.md, "Errors"). Storage speaks its own terms (src/storage/errors.ts);
// src/server/errors.ts turns those into these.
export { AppError, isAppError, type AppErrorOptions, type FieldError } from './app-error.js';

// ── Requests ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** 400 with the fields that failed validation. */
export function validationError(errors: FieldError[], message = 'Dữ liệu gửi lên chưa hợp lệ.'): AppError {
  return new AppError({ status: 400, code: 'validation_failed', message, errors });
}

/** 400: the body is not JSON at all. */
export function invalidJsonError(): AppError {
  return new AppError({ status: 400, code: 'invalid_json', message: 'Nội dung gửi lên không đúng định dạng JSON.' });
}

/** 422: a dossier whose form is unknown, or whose values are wrong or missing, named field by field. */
export function dossierInvalidError(errors: FieldError[], message = 'Tờ khai còn thông tin chưa đúng hoặc còn thiếu.'): AppError {
  return new AppError({ status: 422, code: 'validation_failed', message, errors });
}

/** 415: the route reads JSON (or audio, for `POST /api/transcribe`) only. */
export function unsupportedMediaTypeError(message = 'Chỉ nhận nội dung dạng JSON (Content-Type: application/json).'): AppError {
  return new AppError({ status: 415, code: 'unsupported_media_type', message });
}

/** 413: the body is over the route's limit. */
export function payloadTooLargeError(message: string): AppError {
  return new AppError({ status: 413, code: 'payload_too_large', message });
}

/** 413 for a JSON body over `maxBytes`. */
export function bodyTooLargeError(maxBytes: number): AppError {
  return payloadTooLargeError(`Nội dung gửi lên quá lớn (tối đa ${Math.round(maxBytes / 1024)} KB).`);
}

/** 404 for a resource that does not exist. */
export function notFoundError(message = 'Không tìm thấy nội dung yêu cầu.'): AppError {
  return new AppError({ status: 404, code: 'not_found', message });
}

/** 503 while the service is still loading what it needs. */
export function unavailableError(message = 'Hệ thống đang khởi động, vui lòng thử lại sau giây lát.'): AppError {
  return new AppError({ status: 503, code: 'service_unavailable', message });
}

/** 429 with `Retry-After`: too many requests from one address or session in a minute. */
export function rateLimitedError(retryAfterSeconds: number, message = 'Bạn gửi yêu cầu nhanh quá, vui lòng chờ một chút rồi thử lại.'): AppError {
  return new AppError({ status: 429, code: 'rate_limited', message, headers: { 'Retry-After': String(retryAfterSeconds) } });
}

// ── Who may ask ───────────────────────────────────────────────────────────────────────────────────────────────────

/** 401: not logged in (or the session ended). */
export function unauthorizedError(message = 'Cần đăng nhập với quyền cán bộ.'): AppError {
  return new AppError({ status: 401, code: 'unauthorized', message });
}

/** 403: logged in, but the role does not allow this. */
export function forbiddenError(message = 'Tài khoản của bạn không có quyền làm việc này.'): AppError {
  return new AppError({ status: 403, code: 'forbidden', message });
}

/** 403: a browser page of another site tried to post to a public endpoint. */
export function originNotAllowedError(): AppError {
  return new AppError({ status: 403, code: 'origin_not_allowed', message: 'Trang web này không được phép gửi yêu cầu tới trợ lý.' });
}

/** 403: a recording sent from a page that is not the ward's own. */
export function forbiddenOriginError(): AppError {
  return new AppError({ status: 403, code: 'forbidden_origin', message: 'Yêu cầu không đến từ trang của phường.' });
}

/** 403: an official's change without the session's CSRF token, or from another site. */
export function csrfError(): AppError {
  return new AppError({ status: 403, code: 'csrf_failed', message: 'Phiên làm việc không hợp lệ hoặc đã cũ. Vui lòng tải lại trang rồi thử lại.' });
}

/** 403: a kiosk enrolment with a token that is not one of `KIOSK_TOKENS`. */
export function kioskTokenInvalidError(): AppError {
  return new AppError({ status: 403, code: 'kiosk_token_invalid', message: 'Mã đăng ký máy kiosk không đúng.' });
}

/** 401: a wrong user name or password, worded the same for both so that user names cannot be probed. */
export function invalidCredentialsError(): AppError {
  return new AppError({ status: 401, code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
}

/** 423: the account is locked after repeated failures, until the given time (shown in the ward's time zone). */
export function accountLockedError(until: Date): AppError {
  const time = until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  return new AppError({
    status: 423,
    code: 'account_locked',
    message: `Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${time} hoặc nhờ quản trị viên mở khoá.`,
    details: { lockedUntil: until.toISOString() },
  });
}

/** 409: the change would leave the ward without an active admin. */
export function lastAdminError(): AppError {
  return new AppError({ status: 409, code: 'last_admin', message: 'Phải còn ít nhất một quản trị viên đang hoạt động.' });
}

// ── The chat ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** 404: the chat session is gone (purged, or never existed). */
export function sessionNotFoundError(): AppError {
  return new AppError({ status: 404, code: 'session_not_found', message: 'Phiên trò chuyện không còn. Vui lòng bắt đầu lại.' });
}

/** 410: the session was ended (kiosk idle wipe, or the citizen left) and cannot be resumed. */
export function sessionEndedError(message = 'Phiên trò chuyện này đã kết thúc. Vui lòng bắt đầu phiên mới.'): AppError {
  return new AppError({ status: 410, code: 'session_ended', message });
}

/** 409: a follow-up before any procedure was talked about. */
export function noTopicError(): AppError {
  return new AppError({ status: 409, code: 'no_topic', message: 'Bạn hãy hỏi về một thủ tục trước nhé.' });
}

/** 404: a form id the chat does not know. */
export function unknownFormError(): AppError {
  return new AppError({ status: 404, code: 'unknown_form', message: 'Không có mẫu tờ khai này.' });
}

/** 404: a procedure id the knowledge base does not hold. */
export function unknownProcedureError(): AppError {
  return new AppError({ status: 404, code: 'unknown_procedure', message: 'Không tìm thấy thủ tục này.' });
}

/** 503 for a hand-over ticket that could not be stored: go straight to the desk instead. */
export function ticketUnavailableError(language: Language, counter?: number): AppError {
  const where = counter === undefined ? '' : language === 'en' ? ` (counter ${counter})` : ` (quầy số ${counter})`;
  return new AppError({
    status: 503,
    code: 'storage_unavailable',
    message:
      language === 'en'
        ? `Sorry, the system cannot issue a queue number right now. Please go straight to the one-stop desk${where}; an official will see you.`
        : `Xin lỗi, hệ thống tạm thời không cấp được số thứ tự. Bạn vui lòng đến thẳng bộ phận một cửa${where}, cán bộ sẽ tiếp bạn.`,
  });
}

// ── Speech ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** 500: eSpeak NG could not read this text aloud. */
export function speechFailedError(cause: unknown): AppError {
  return new AppError({ status: 500, code: 'speech_failed', message: 'Chưa đọc được câu trả lời này, vui lòng thử lại.', cause });
}

/** 504: the ward's transcription server took too long. */
export function asrTimeoutError(cause: unknown): AppError {
  return new AppError({ status: 504, code: 'asr_timeout', message: 'Máy nhận dạng giọng nói trả lời chậm quá, bạn hãy nói lại hoặc gõ câu hỏi.', cause });
}

/** 502: the ward's transcription server cannot be reached. */
export function asrUnavailableError(cause: unknown): AppError {
  return new AppError({ status: 502, code: 'asr_unavailable', message: 'Chưa kết nối được máy nhận dạng giọng nói, bạn hãy gõ câu hỏi.', cause });
}

/** 502: the transcription server answered, but not with a transcription. */
export function asrFailedError(cause: unknown): AppError {
  return new AppError({ status: 502, code: 'asr_failed', message: 'Chưa nghe rõ được, bạn hãy nói lại hoặc gõ câu hỏi.', cause });
}

/** 400: a recording with no sound in it. */
export function emptyAudioError(): AppError {
  return new AppError({ status: 400, code: 'empty_audio', message: 'Chưa ghi được âm thanh nào.' });
}

// ── Storage, as clients see it (src/server/errors.ts maps storage's own errors to these) ─────────────────────────

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
  return new AppError({ status: 500, code: 'storage_corrupt', message: 'Dữ liệu đã lưu không đọc được. Vui lòng liên hệ cán bộ phụ trách hệ thống.', cause });
}

/** 500: the database was migrated by a newer release than this one. */
export function storageVersionError(found: number, known: number, cause?: unknown): AppError {
  return new AppError({
    status: 500,
    code: 'storage_version',
    message: `Cơ sở dữ liệu thuộc phiên bản mới hơn (lược đồ ${found}, phiên bản này chỉ biết đến ${known}). Vui lòng cài phiên bản ứng dụng mới hơn.`,
    cause,
  });
}

/** 500: a read-only database that needs migrating before this release can use it. */
export function storageNeedsUpgradeError(found: number, known: number, cause?: unknown): AppError {
  return new AppError({
    status: 500,
    code: 'storage_version',
    message: `Cơ sở dữ liệu chỉ đọc được và cần nâng cấp (lược đồ ${found}, phiên bản này cần ${known}). Vui lòng cho phép ghi để nâng cấp một lần.`,
    cause,
  });
}

/** 500: any other storage failure (a bug, a broken constraint). */
export function storageFailedError(cause?: unknown): AppError {
  return new AppError({ status: 500, code: 'storage_failed', message: 'Không lưu hoặc đọc được dữ liệu. Vui lòng thử lại.', cause });
}

/** 409: the ticket is already done or cancelled. */
export function ticketClosedError(): AppError {
  return new AppError({ status: 409, code: 'ticket_closed', message: 'Số thứ tự này đã được phục vụ xong hoặc đã bị hủy.' });
}

/** 409: a rollback to the shipped file of a target that has none. */
export function noBaselineError(): AppError {
  return new AppError({ status: 409, code: 'no_baseline', message: 'Nội dung này không có bản gốc trong bộ dữ liệu đi kèm.' });
}

/** 409: a rollback to a revision that was never published. */
export function revisionNotPublishedError(): AppError {
  return new AppError({ status: 409, code: 'revision_not_published', message: 'Chỉ khôi phục được phiên bản đã từng xuất bản.' });
}

/** 403: editing content needs an official's own account (not the script token). */
export function personalAccountRequiredError(): AppError {
  return new AppError({ status: 403, code: 'personal_account_required', message: 'Sửa nội dung cần đăng nhập bằng tài khoản cá nhân của cán bộ.' });
}

/** 409: the call-back request was already marked done. */
export function callbackClosedError(): AppError {
  return new AppError({ status: 409, code: 'callback_closed', message: 'Yêu cầu gọi lại này đã được đánh dấu xong.' });
}

/** 409: another account already has this username (compared trimmed and case-insensitively). */
export function usernameTakenError(): AppError {
  return new AppError({ status: 409, code: 'username_taken', message: 'Tên đăng nhập này đã có người dùng.' });
}

/** 409: someone published the same content after the author opened it; `details` carries the newer content. */
export function staleRevisionError(details?: Record<string, unknown>): AppError {
  return new AppError({
    status: 409,
    code: 'stale_revision',
    message: 'Nội dung này vừa được người khác xuất bản. Hãy xem bản mới và sửa lại; thay đổi của bạn vẫn còn trong biểu mẫu.',
    ...(details ? { details } : {}),
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

// ── Operators ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A start-up or command-line failure an operator reads in a terminal (key file, backup): English, names the path. */
export function operatorError(code: string, message: string, cause?: unknown): AppError {
  return new AppError({ status: 500, code, message, cause });
}
