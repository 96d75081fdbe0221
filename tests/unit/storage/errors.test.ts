import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors.js';
import { toClientError } from '../../../src/server/errors.js';
import { StorageError, storageUnavailable, toStorageError } from '../../../src/storage/errors.js';
import { sqliteError } from '../../helpers/storage.js';

describe('toStorageError', () => {
  it.each([
    ['SQLITE_FULL', 'storage_unavailable', 503],
    ['SQLITE_READONLY', 'storage_unavailable', 503],
    ['SQLITE_READONLY_DBMOVED', 'storage_unavailable', 503],
    ['SQLITE_IOERR_FSYNC', 'storage_unavailable', 503],
    ['SQLITE_CANTOPEN', 'storage_unavailable', 503],
    ['SQLITE_BUSY', 'storage_unavailable', 503],
    ['SQLITE_CORRUPT', 'storage_corrupt', 500],
    ['SQLITE_NOTADB', 'storage_corrupt', 500],
    ['SQLITE_CONSTRAINT_UNIQUE', 'storage_failed', 500],
  ])('maps %s to %s', (driverCode, code, status) => {
    const raw = sqliteError(driverCode, 'x');
    const mapped = toStorageError(raw);
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped).toMatchObject({ code });
    // Storage speaks no HTTP; the server's one mapping gives the status clients have always had.
    expect(toClientError(mapped)).toMatchObject({ code, status });
    expect(mapped.cause).toBe(raw);
  });

  it('maps file-system errors and passes AppErrors and its own errors through', () => {
    expect(toStorageError(Object.assign(new Error('nope'), { code: 'EROFS' })).code).toBe('storage_unavailable');
    expect(toStorageError(Object.assign(new Error('nope'), { code: 'ENOSPC' })).code).toBe('storage_unavailable');
    const appError = new AppError({ status: 404, code: 'not_found', message: 'x' });
    expect(toStorageError(appError)).toBe(appError);
    const own = storageUnavailable();
    expect(toStorageError(own)).toBe(own);
    expect(toStorageError('weird').code).toBe('storage_failed');
  });
});
