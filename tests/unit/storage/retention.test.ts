import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, countRows } from '../../helpers/storage.js';

const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-01-01T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

async function conversationWithFeedback(): Promise<string> {
  const { id } = await storage.sessions.create({ channel: 'widget', language: 'vi' });
  const messageId = await storage.messages.append({ sessionId: id, role: 'citizen', text: 'câu hỏi' });
  await storage.messages.append({ sessionId: id, role: 'assistant', text: 'trả lời' });
  await storage.feedback.add({ sessionId: id, messageId, rating: 'up', comment: 'cảm ơn' });
  return id;
}

describe('retention', () => {
  it('purges idle conversations with their messages and feedback, keeps recent ones, and counts what went', async () => {
    const old = await conversationWithFeedback();
    const oldTicket = await storage.tickets.create({ sessionId: old });
    clock.advanceDays(20);
    const resumed = await conversationWithFeedback();
    clock.advanceDays(15);
    const recent = await conversationWithFeedback();
    await storage.messages.append({ sessionId: resumed, role: 'citizen', text: 'quay lại' }); // activity keeps it
    const gap = await storage.gaps.add({ question: 'câu hỏi khó', language: 'vi', reason: 'unanswered' });

    const counts = await storage.retention.purgeOlderThan({ conversationsDays: 30 });
    expect(counts).toEqual({ sessions: 1, messages: 2, feedback: 1, tickets: 1, dossiers: 0, callbacks: 0 });
    expect(await storage.sessions.get(old)).toBeUndefined();
    expect(await storage.tickets.get(oldTicket.id)).toBeUndefined();
    expect(await storage.sessions.get(resumed)).toBeDefined();
    expect(await storage.messages.list(recent)).toHaveLength(2);
    expect(await storage.messages.list(resumed)).toHaveLength(3);
    expect(countRows(file, 'messages')).toBe(5);
    expect(countRows(file, 'feedback')).toBe(2);
    expect((await storage.gaps.list()).map((g) => g.id)).toEqual([gap.id]);

    expect(await storage.retention.purgeOlderThan({ conversationsDays: 30 })).toEqual({ sessions: 0, messages: 0, feedback: 0, tickets: 0, dossiers: 0, callbacks: 0 });
  });

  it('purges feedback sooner when feedbackDays is shorter', async () => {
    await conversationWithFeedback();
    clock.advanceDays(10);
    await conversationWithFeedback();
    const counts = await storage.retention.purgeOlderThan({ conversationsDays: 90, feedbackDays: 5 });
    expect(counts).toEqual({ sessions: 0, messages: 0, feedback: 1, tickets: 0, dossiers: 0, callbacks: 0 });
    expect(countRows(file, 'feedback')).toBe(1);
    expect(countRows(file, 'messages')).toBe(4);
  });

  it('rejects a negative or non-numeric retention', async () => {
    await expect(storage.retention.purgeOlderThan({ conversationsDays: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(storage.retention.purgeOlderThan({ conversationsDays: Number.NaN })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
