import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, openRaw } from '../../helpers/storage.js';

const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

async function conversation(): Promise<{ sessionId: string; messageId: string }> {
  const { id: sessionId } = await storage.sessions.create({ channel: 'widget', language: 'vi' });
  const messageId = await storage.messages.append({ sessionId, role: 'assistant', text: 'Câu trả lời' });
  return { sessionId, messageId };
}

describe('feedback', () => {
  it('round-trips ratings with an encrypted comment, newest first, filtered by rating and date', async () => {
    const { sessionId, messageId } = await conversation();
    const down = await storage.feedback.add({ sessionId, messageId, rating: 'down', comment: 'Gọi tôi: Lê Văn Nam 0912345678' });
    clock.advanceDays(1);
    const up = await storage.feedback.add({ sessionId, messageId, rating: 'up' });
    expect(down).toMatchObject({ sessionId, messageId, rating: 'down', comment: 'Gọi tôi: Lê Văn Nam 0912345678' });
    expect(up.comment).toBeUndefined();

    expect((await storage.feedback.list()).map((f) => f.id)).toEqual([up.id, down.id]);
    expect((await storage.feedback.list({ rating: 'down' })).map((f) => f.id)).toEqual([down.id]);
    expect((await storage.feedback.list({ since: clock.now() })).map((f) => f.id)).toEqual([up.id]);
    expect(await storage.feedback.list({ limit: 1 })).toHaveLength(1);

    const raw = openRaw(file);
    const stored = raw.prepare('SELECT comment FROM feedback WHERE id = ?').pluck().get(down.id) as Buffer;
    raw.close();
    expect(stored.includes(Buffer.from('0912345678'))).toBe(false);
  });

  it('refuses a rating of a message that is not in the given session', async () => {
    const mine = await conversation();
    const theirs = await conversation();
    await expect(storage.feedback.add({ sessionId: mine.sessionId, messageId: theirs.messageId, rating: 'up' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await storage.feedback.list()).toEqual([]);
  });
});

describe('gaps', () => {
  it('round-trips redacted questions in plain text, filters by date and status, and changes status', async () => {
    const first = await storage.gaps.add({ question: 'thủ tục nuôi chó', language: 'vi', reason: 'out-of-scope' });
    clock.advanceDays(1);
    const second = await storage.gaps.add({
      question: 'how to register [name] residence',
      language: 'en',
      reason: 'low-confidence',
      topIds: ['dang-ky-tam-tru', 'dang-ky-thuong-tru'],
    });
    expect(first).toMatchObject({ status: 'open', topIds: [], reason: 'out-of-scope', language: 'vi' });
    expect(second.topIds).toEqual(['dang-ky-tam-tru', 'dang-ky-thuong-tru']);
    expect((await storage.gaps.list()).map((g) => g.id)).toEqual([second.id, first.id]);
    expect((await storage.gaps.list({ since: clock.now() })).map((g) => g.id)).toEqual([second.id]);

    expect((await storage.gaps.setStatus(first.id, 'dismissed')).status).toBe('dismissed');
    expect((await storage.gaps.list({ status: 'open' })).map((g) => g.id)).toEqual([second.id]);
    expect((await storage.gaps.list({ status: 'dismissed' })).map((g) => g.id)).toEqual([first.id]);
    await expect(storage.gaps.setStatus('nope', 'attached')).rejects.toMatchObject({ code: 'not_found' });
  });
});
