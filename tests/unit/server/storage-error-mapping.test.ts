import { describe, expect, it } from 'vitest';
import { toClientError } from '../../../src/server/errors.js';
import { AppError } from '../../../src/shared/errors.js';
import {
  invalidValue,
  recordNotFound,
  revisionNotDraft,
  sessionEnded,
  staleRevision,
  storageCorrupt,
  storageFailed,
  storageUnavailable,
  storageVersion,
  ticketClosed,
  usernameTaken,
  type StorageError,
} from '../../../src/storage/errors.js';

// Storage speaks its own terms; these are the codes, statuses and words clients had before it stopped speaking HTTP.
describe('storage errors as clients see them', () => {
  it.each<[string, StorageError, { status: number; code: string; message: string | RegExp }]>([
    ['a missing session', recordNotFound('session'), { status: 404, code: 'not_found', message: 'Không tìm thấy phiên trò chuyện.' }],
    ['a missing account', recordNotFound('official'), { status: 404, code: 'not_found', message: 'Không tìm thấy tài khoản.' }],
    ['a missing question', recordNotFound('gap'), { status: 404, code: 'not_found', message: 'Không tìm thấy câu hỏi.' }],
    ['a missing revision', recordNotFound('revision'), { status: 404, code: 'not_found', message: 'Không tìm thấy bản chỉnh sửa.' }],
    ['a missing ticket', recordNotFound('ticket'), { status: 404, code: 'not_found', message: 'Không tìm thấy số thứ tự.' }],
    ['a missing rated answer', recordNotFound('rated_message'), { status: 404, code: 'not_found', message: 'Không tìm thấy câu trả lời cần đánh giá.' }],
    ['a missing dossier', recordNotFound('dossier'), { status: 404, code: 'not_found', message: 'Không tìm thấy hồ sơ với mã này.' }],
    ['an ended session', sessionEnded(), { status: 410, code: 'session_ended', message: 'Phiên trò chuyện này đã kết thúc. Vui lòng bắt đầu phiên mới.' }],
    ['a closed ticket', ticketClosed(), { status: 409, code: 'ticket_closed', message: 'Số thứ tự này đã được phục vụ xong hoặc đã bị hủy.' }],
    ['a taken username', usernameTaken(), { status: 409, code: 'username_taken', message: 'Tên đăng nhập này đã có người dùng.' }],
    ['a stale revision', staleRevision(), { status: 409, code: 'stale_revision', message: /vừa được người khác xuất bản/ }],
    ['a revision that is no draft', revisionNotDraft(), { status: 409, code: 'revision_not_draft', message: /không còn là bản nháp/ }],
    ['an unavailable disk', storageUnavailable(), { status: 503, code: 'storage_unavailable', message: /tạm thời không lưu được dữ liệu/ }],
    ['corrupt data', storageCorrupt(), { status: 500, code: 'storage_corrupt', message: /không đọc được/ }],
    ['a newer schema', storageVersion(9, 7), { status: 500, code: 'storage_version', message: /lược đồ 9, phiên bản này chỉ biết đến 7/ }],
    ['a read-only old schema', storageVersion(5, 7, true), { status: 500, code: 'storage_version', message: /chỉ đọc được và cần nâng cấp \(lược đồ 5, phiên bản này cần 7\)/ }],
    ['any other failure', storageFailed(), { status: 500, code: 'storage_failed', message: 'Không lưu hoặc đọc được dữ liệu. Vui lòng thử lại.' }],
  ])('maps %s', (_, error, expected) => {
    const client = toClientError(error);
    expect(client).toBeInstanceOf(AppError);
    expect(client).toMatchObject({ status: expected.status, code: expected.code });
    if (typeof expected.message === 'string') expect(client?.message).toBe(expected.message);
    else expect(client?.message).toMatch(expected.message);
  });

  it('names the refused field of a value storage cannot take', () => {
    expect(toClientError(invalidValue('events.1.count', 'expected a whole number ≥ 0'))).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'events.1.count', message: 'expected a whole number ≥ 0' }],
    });
  });

  it('leaves unknown errors to the generic 500', () => {
    expect(toClientError(new Error('boom'))).toBeUndefined();
  });
});
