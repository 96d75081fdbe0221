import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, openRaw } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const clock = buildClock('2026-03-10T03:00:00.000Z');
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

describe('sessions', () => {
  it('creates sessions with unguessable 128-bit base64url ids and an empty state', async () => {
    const a = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const b = await storage.sessions.create({ channel: 'widget', language: 'en' });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ channel: 'kiosk', language: 'vi', state: {}, endedAt: undefined });
    expect(a.createdAt.toISOString()).toBe('2026-03-10T03:00:00.000Z');
    expect(await storage.sessions.get(b.id)).toEqual(b);
  });

  it('returns undefined for an unknown id and not_found when touching it', async () => {
    expect(await storage.sessions.get('nope')).toBeUndefined();
    await expect(asClientSees(storage.sessions.touch('nope'))).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(storage.sessions.end('nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('touches and updates the state, which is encrypted at rest', async () => {
    const session = await storage.sessions.create({ channel: 'widget', language: 'vi' });
    clock.advanceDays(1);
    await storage.sessions.touch(session.id);
    expect((await storage.sessions.get(session.id))?.lastSeenAt.toISOString()).toBe('2026-03-11T03:00:00.000Z');
    const state = { formId: 'to-khai-khai-sinh', values: { 'ben_nu.ho_ten': 'Trần Thị Mai' } };
    await storage.sessions.updateState(session.id, state);
    expect((await storage.sessions.get(session.id))?.state).toEqual(state);
    const raw = openRaw(file);
    const stored = raw.prepare('SELECT state FROM sessions WHERE id = ?').pluck().get(session.id) as Buffer;
    raw.close();
    expect(stored.includes(Buffer.from('Trần Thị Mai'))).toBe(false);
  });

  it('ends a session for good: get shows endedAt, touch/updateState/append refuse it', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    clock.advanceDays(0.01);
    const ended = await storage.sessions.end(session.id);
    expect(ended.endedAt?.getTime()).toBe(clock.now().getTime());
    clock.advanceDays(0.01);
    const again = await storage.sessions.end(session.id);
    expect(again.endedAt).toEqual(ended.endedAt);
    expect((await storage.sessions.get(session.id))?.endedAt).toEqual(ended.endedAt);
    await expect(asClientSees(storage.sessions.touch(session.id))).rejects.toMatchObject({ code: 'session_ended', status: 410 });
    await expect(storage.sessions.updateState(session.id, { a: 1 })).rejects.toMatchObject({ code: 'session_ended' });
    await expect(storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'xin chào' })).rejects.toMatchObject({
      code: 'session_ended',
    });
  });
});
