import { describe, expect, it } from 'vitest';
import { createFailureLog } from '../../../src/storage/failure-log.js';
import { buildCapturingLogger } from '../../helpers/logger.js';

describe('createFailureLog', () => {
  it('logs each kind of failure once a minute, then says how many lines it left out', () => {
    const { logger, lines } = buildCapturingLogger();
    let now = 0;
    const log = createFailureLog(logger, () => now);
    for (let i = 0; i < 4; i += 1) {
      for (const op of ['messages.append', 'sessions.updateState']) log({ op, code: 'storage_unavailable', driverCode: 'SQLITE_FULL' }, 'storage operation failed');
    }
    log({ op: 'messages.append', code: 'storage_failed', driverCode: 'SQLITE_CONSTRAINT' }, 'storage operation failed');
    expect(lines()).toHaveLength(3);
    now = 60_000;
    log({ op: 'messages.append', code: 'storage_unavailable', driverCode: 'SQLITE_FULL' }, 'storage operation failed');
    const last = JSON.parse(lines()[3]!) as { leftOut: number; op: string };
    expect(last).toMatchObject({ leftOut: 3, op: 'messages.append' });
  });
});
