import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, countRows } from '../../helpers/storage.js';

const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;
let officialId: string;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
  ({ id: officialId } = await storage.officials.create({ username: 'lan', displayName: 'Lan', role: 'editor', passwordHash: 'h' }));
});
afterEach(() => cleanup());

/** An instant `minutes` after the clock's current time. */
function inMinutes(minutes: number): Date {
  return new Date(clock.now().getTime() + minutes * 60_000);
}

describe('official sessions', () => {
  it('round-trips a session by token hash; unknown hashes and officials are handled', async () => {
    const expiresAt = inMinutes(30);
    const session = await storage.officialSessions.create({ tokenHash: 'a'.repeat(64), officialId, csrfToken: 'csrf-1', expiresAt });
    expect(session).toEqual({
      tokenHash: 'a'.repeat(64),
      officialId,
      csrfToken: 'csrf-1',
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt,
    });
    expect(await storage.officialSessions.get('a'.repeat(64))).toEqual(session);
    expect(await storage.officialSessions.get('b'.repeat(64))).toBeUndefined();
    await expect(
      storage.officialSessions.create({ tokenHash: 'c', officialId: 'nope', csrfToken: 'x', expiresAt }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('treats a session as gone from its expiry on, deleting it on sight', async () => {
    await storage.officialSessions.create({ tokenHash: 't', officialId, csrfToken: 'x', expiresAt: inMinutes(30) });
    clock.set('2026-03-10T03:29:59.999Z');
    expect(await storage.officialSessions.get('t')).toBeDefined();
    clock.set('2026-03-10T03:30:00.000Z');
    expect(await storage.officialSessions.get('t')).toBeUndefined();
    expect(countRows(file, 'official_sessions')).toBe(0);
  });

  it('slides the expiry on touch, but never revives an expired session', async () => {
    await storage.officialSessions.create({ tokenHash: 't', officialId, csrfToken: 'x', expiresAt: inMinutes(30) });
    clock.set('2026-03-10T03:20:00.000Z');
    await storage.officialSessions.touch('t', inMinutes(30));
    clock.set('2026-03-10T03:45:00.000Z');
    expect(await storage.officialSessions.get('t')).toMatchObject({
      lastSeenAt: new Date('2026-03-10T03:20:00.000Z'),
      expiresAt: new Date('2026-03-10T03:50:00.000Z'),
    });

    clock.set('2026-03-10T04:00:00.000Z');
    await storage.officialSessions.touch('t', inMinutes(30));
    expect(await storage.officialSessions.get('t')).toBeUndefined();
    await storage.officialSessions.touch('unknown', inMinutes(30)); // a logged-out session: nothing to do
  });

  it('logs out one session idempotently, or every session of an official', async () => {
    const other = await storage.officials.create({ username: 'minh', displayName: 'Minh', role: 'approver', passwordHash: 'h' });
    for (const tokenHash of ['1', '2', '3']) {
      await storage.officialSessions.create({ tokenHash, officialId, csrfToken: 'x', expiresAt: inMinutes(30) });
    }
    await storage.officialSessions.create({ tokenHash: '4', officialId: other.id, csrfToken: 'x', expiresAt: inMinutes(30) });

    await storage.officialSessions.delete('1');
    await storage.officialSessions.delete('1');
    expect(await storage.officialSessions.get('1')).toBeUndefined();
    expect(await storage.officialSessions.deleteForOfficial(officialId)).toBe(2);
    expect(await storage.officialSessions.deleteForOfficial(officialId)).toBe(0);
    expect(await storage.officialSessions.get('4')).toBeDefined();
  });

  it('purges expired sessions and counts them', async () => {
    await storage.officialSessions.create({ tokenHash: 'short', officialId, csrfToken: 'x', expiresAt: inMinutes(10) });
    await storage.officialSessions.create({ tokenHash: 'long', officialId, csrfToken: 'x', expiresAt: inMinutes(60) });
    clock.set('2026-03-10T03:10:00.000Z');
    expect(await storage.officialSessions.purgeExpired()).toBe(1);
    expect(await storage.officialSessions.purgeExpired()).toBe(0);
    expect(countRows(file, 'official_sessions')).toBe(1);
  });
});
