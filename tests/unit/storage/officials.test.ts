import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateOfficialInput, Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, openRaw } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

function buildOfficialInput(overrides: Partial<CreateOfficialInput> = {}): CreateOfficialInput {
  const passwordHash = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
  return { username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', role: 'editor', passwordHash, ...overrides };
}

describe('officials', () => {
  it('stores usernames trimmed and lower-cased, and finds them as typed', async () => {
    const official = await storage.officials.create(buildOfficialInput({ username: '  Lan.Nguyen ' }));
    expect(official).toMatchObject({
      username: 'lan.nguyen',
      displayName: 'Nguyễn Thị Lan',
      role: 'editor',
      disabled: false,
      failedAttempts: 0,
      lockedUntil: undefined,
    });
    expect(official.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(official.createdAt).toEqual(clock.now());
    expect(official.passwordChangedAt).toEqual(clock.now());
    expect(official).not.toHaveProperty('passwordHash');

    const found = await storage.officials.findByUsername(' LAN.NGUYEN');
    expect(found).toMatchObject({ id: official.id, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA' });
    expect(await storage.officials.findByUsername('lan')).toBeUndefined();
    expect(await storage.officials.get(official.id)).toEqual(official);
    expect(await storage.officials.get('nope')).toBeUndefined();
  });

  it('refuses a username that exists in another case with 409 username_taken, writing nothing', async () => {
    await storage.officials.create(buildOfficialInput({ username: 'admin', role: 'admin' }));
    const duplicate = storage.officials.create(buildOfficialInput({ username: ' ADMIN ', displayName: 'Kẻ khác' }));
    await expect(asClientSees(duplicate)).rejects.toMatchObject({ status: 409, code: 'username_taken' });
    await expect(asClientSees(duplicate)).rejects.toThrow('Tên đăng nhập này đã có người dùng.');
    expect(await storage.officials.count()).toBe(1);
    expect((await storage.officials.findByUsername('admin'))?.displayName).toBe('Nguyễn Thị Lan');
  });

  it('lists accounts by username and counts them', async () => {
    expect(await storage.officials.count()).toBe(0);
    await storage.officials.create(buildOfficialInput({ username: 'minh' }));
    await storage.officials.create(buildOfficialInput({ username: 'an', role: 'approver' }));
    expect((await storage.officials.list()).map((o) => o.username)).toEqual(['an', 'minh']);
    expect(await storage.officials.count()).toBe(2);
  });

  it('counts failed log-ins, locks when asked, keeps a lock on a later failure, and clears both on success', async () => {
    const { id } = await storage.officials.create(buildOfficialInput());
    expect(await storage.officials.recordFailure(id)).toMatchObject({ failedAttempts: 1, lockedUntil: undefined });
    const lockUntil = new Date('2026-03-10T03:15:00.000Z');
    expect(await storage.officials.recordFailure(id, lockUntil)).toMatchObject({ failedAttempts: 2, lockedUntil: lockUntil });
    expect(await storage.officials.recordFailure(id)).toMatchObject({ failedAttempts: 3, lockedUntil: lockUntil });
    expect((await storage.officials.findByUsername('lan.nguyen'))?.lockedUntil).toEqual(lockUntil);

    await storage.officials.recordSuccess(id);
    expect(await storage.officials.get(id)).toMatchObject({ failedAttempts: 0, lockedUntil: undefined });
    await expect(asClientSees(storage.officials.recordFailure('nope'))).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(storage.officials.recordSuccess('nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('updates fields; a new password hash also stamps passwordChangedAt and lifts a lock-out', async () => {
    const created = await storage.officials.create(buildOfficialInput());
    await storage.officials.recordFailure(created.id, new Date('2026-03-10T04:00:00.000Z'));

    clock.advanceDays(1);
    const renamed = await storage.officials.update(created.id, { displayName: 'Nguyễn Lan', role: 'approver', disabled: true });
    expect(renamed).toMatchObject({ displayName: 'Nguyễn Lan', role: 'approver', disabled: true, failedAttempts: 1 });
    expect(renamed.passwordChangedAt).toEqual(created.passwordChangedAt);
    expect(renamed.lockedUntil).toBeDefined();

    const reset = await storage.officials.update(created.id, { passwordHash: 'scrypt$new', disabled: false });
    expect(reset).toMatchObject({ disabled: false, failedAttempts: 0, lockedUntil: undefined, role: 'approver' });
    expect(reset.passwordChangedAt).toEqual(clock.now());
    expect((await storage.officials.findByUsername('lan.nguyen'))?.passwordHash).toBe('scrypt$new');
    await expect(storage.officials.update('nope', { role: 'admin' })).rejects.toMatchObject({ code: 'not_found' });

    const raw = openRaw(file);
    expect(raw.prepare('SELECT disabled FROM officials WHERE id = ?').pluck().get(created.id)).toBe(0);
    raw.close();
  });
});
