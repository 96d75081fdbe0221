import { toClientError } from '../../src/server/errors.js';

/**
 * A storage call's rejection as a client sees it: storage throws its own errors (src/storage/errors.ts) and
 * src/server/errors.ts maps them, so asserting through this proves the codes, statuses and words clients get.
 */
export function asClientSees<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw toClientError(error) ?? error;
  });
}
