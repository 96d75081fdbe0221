import { describe, expect, it } from 'vitest';
import { UnknownUserLockout } from '../../../src/admin/auth/unknown-users.js';

describe('UnknownUserLockout', () => {
  it('locks a name after the fifth failure, case and spaces ignored, until the lock ends; then one failure locks again', () => {
    const lockout = new UnknownUserLockout();
    const policy = { maxFailures: 5, lockMinutes: 15 };
    const t0 = new Date('2026-03-10T02:00:00Z');
    for (let i = 0; i < 4; i += 1) expect(lockout.recordFailure(i % 2 ? ' Ghost ' : 'ghost', t0, policy)).toBeUndefined();
    const until = lockout.recordFailure('GHOST', t0, policy);
    expect(until).toEqual(new Date('2026-03-10T02:15:00Z'));
    expect(lockout.lockedUntil('ghost', t0)).toEqual(until);
    const later = new Date('2026-03-10T02:16:00Z');
    expect(lockout.lockedUntil('ghost', later)).toBeUndefined();
    expect(lockout.recordFailure('ghost', later, policy)).toEqual(new Date('2026-03-10T02:31:00Z'));
  });

  it('forgets the oldest names beyond its bound', () => {
    const lockout = new UnknownUserLockout(2);
    const t0 = new Date(0);
    const policy = { maxFailures: 1, lockMinutes: 1 };
    for (const name of ['a', 'b', 'c']) lockout.recordFailure(name, t0, policy);
    expect(lockout.lockedUntil('a', t0)).toBeUndefined();
    expect(lockout.lockedUntil('c', t0)).toBeDefined();
  });
});
