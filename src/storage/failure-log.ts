import type { Logger } from '../shared/logger.js';

const MINUTE_MS = 60_000;

/** One storage failure as logged: never data, only what failed and how. */
export interface FailureFields {
  op: string;
  code: string;
  driverCode?: string | undefined;
  [field: string]: unknown;
}

/**
 * Logs storage failures at most once a minute per kind — the operation with its error and driver codes
 * (`messages.append` on `SQLITE_FULL`) — so a full or read-only disk gives a line a minute per kind of write, not
 * one per write (docs/operations.md). The next line of a kind says how many were left out since the last one.
 */
export function createFailureLog(logger: Logger, now: () => number = Date.now): (fields: FailureFields, message: string) => void {
  const last = new Map<string, { at: number; left: number }>();
  return (fields, message) => {
    const kind = `${fields.op}:${fields.code}:${fields.driverCode ?? ''}`;
    const seen = last.get(kind);
    const at = now();
    if (seen && at - seen.at < MINUTE_MS) {
      seen.left += 1;
      return;
    }
    logger.error({ ...fields, ...(seen && seen.left > 0 ? { leftOut: seen.left } : {}) }, message);
    last.set(kind, { at, left: 0 });
  };
}
