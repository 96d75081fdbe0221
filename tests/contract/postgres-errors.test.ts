import { describe, expect, it } from 'vitest';
import { toClientError } from '../../src/server/errors.js';
import { StorageError, toStorageError } from '../../src/storage/errors.js';

/** An error shaped like node-postgres's: a SQLSTATE in `code`. */
function pgError(code: string | undefined, message = 'x'): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('toStorageError for PostgreSQL', () => {
  it.each([
    ['53100', 'storage_unavailable', 503], // disk full
    ['53300', 'storage_unavailable', 503], // too many connections
    ['25006', 'storage_unavailable', 503], // read-only transaction (a standby)
    ['57P01', 'storage_unavailable', 503], // admin shutdown
    ['57P03', 'storage_unavailable', 503], // cannot connect now (starting up)
    ['08006', 'storage_unavailable', 503], // connection failure
    ['40001', 'storage_unavailable', 503], // serialization failure
    ['ECONNREFUSED', 'storage_unavailable', 503],
    ['XX001', 'storage_corrupt', 500],
    ['23505', 'storage_failed', 500], // a unique violation nobody handled is a bug
    ['42P01', 'storage_failed', 500],
  ])('maps %s to %s', (driverCode, code, status) => {
    const raw = pgError(driverCode);
    const mapped = toStorageError(raw);
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped).toMatchObject({ code });
    // Storage speaks no HTTP; the server's one mapping gives the status clients have always had.
    expect(toClientError(mapped)).toMatchObject({ code, status });
    expect(mapped.cause).toBe(raw);
  });

  it('maps node-postgres connection errors that carry no code', () => {
    expect(toStorageError(pgError(undefined, 'Connection terminated unexpectedly')).code).toBe('storage_unavailable');
    expect(toStorageError(pgError(undefined, 'timeout exceeded when trying to connect')).code).toBe('storage_unavailable');
    expect(toStorageError(pgError(undefined, 'something else')).code).toBe('storage_failed');
  });
});
