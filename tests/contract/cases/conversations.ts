import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptText } from '../../../src/storage/crypto.js';
import { rawTableBytes, useContractStorage, type ContractFactory } from '../harness.js';
import { asClientSees } from '../../helpers/client-error.js';

const PERSONAL = 'Nguyễn Thị Hoa 079123456789';

/** Sessions, messages, feedback and gaps. */
export function describeConversations(factory: ContractFactory): void {
  const scope = useContractStorage(factory);

  describe('sessions', () => {
    it('creates sessions with 128-bit base64url ids and an empty state; get round-trips', async () => {
      const a = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const b = await scope.storage.sessions.create({ channel: 'widget', language: 'en', state: { step: 1 } });
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(a.id).not.toBe(b.id);
      expect(a).toMatchObject({ channel: 'kiosk', language: 'vi', state: {}, endedAt: undefined });
      expect(a.createdAt.toISOString()).toBe('2026-03-10T03:00:00.000Z');
      expect(a.lastSeenAt).toEqual(a.createdAt);
      expect(await scope.storage.sessions.get(b.id)).toEqual(b);
      expect(b.state).toEqual({ step: 1 });
    });

    it('returns undefined for an unknown id and not_found when touching or ending it', async () => {
      expect(await scope.storage.sessions.get('nope')).toBeUndefined();
      await expect(asClientSees(scope.storage.sessions.touch('nope'))).rejects.toMatchObject({ code: 'not_found', status: 404 });
      await expect(scope.storage.sessions.updateState('nope', {})).rejects.toMatchObject({ code: 'not_found' });
      await expect(scope.storage.sessions.end('nope')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('touches and updates the state, which is encrypted at rest', async () => {
      const session = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      scope.clock.advanceDays(1);
      await scope.storage.sessions.touch(session.id);
      expect((await scope.storage.sessions.get(session.id))?.lastSeenAt.toISOString()).toBe('2026-03-11T03:00:00.000Z');
      scope.clock.advanceDays(1);
      const state = { formId: 'to-khai-khai-sinh', values: { 'ben_nu.ho_ten': 'Trần Thị Mai' } };
      await scope.storage.sessions.updateState(session.id, state);
      const stored = await scope.storage.sessions.get(session.id);
      expect(stored?.state).toEqual(state);
      expect(stored?.lastSeenAt.toISOString()).toBe('2026-03-12T03:00:00.000Z');
      expect((await rawTableBytes(scope.harness, 'sessions')).includes(Buffer.from('Trần Thị Mai'))).toBe(false);
    });

    it('ends a session for good, keeping the first end time; touch/updateState/append refuse it', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      scope.clock.advanceDays(0.01);
      const ended = await scope.storage.sessions.end(session.id);
      expect(ended.endedAt?.getTime()).toBe(scope.clock.now().getTime());
      scope.clock.advanceDays(0.01);
      expect((await scope.storage.sessions.end(session.id)).endedAt).toEqual(ended.endedAt);
      expect((await scope.storage.sessions.get(session.id))?.endedAt).toEqual(ended.endedAt);
      await expect(asClientSees(scope.storage.sessions.touch(session.id))).rejects.toMatchObject({ code: 'session_ended', status: 410 });
      await expect(scope.storage.sessions.updateState(session.id, { a: 1 })).rejects.toMatchObject({ code: 'session_ended' });
      await expect(scope.storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'xin chào' })).rejects.toMatchObject({
        code: 'session_ended',
      });
    });
  });

  describe('messages', () => {
    it('lists oldest to newest; a limit keeps the latest turns in reading order', async () => {
      const { id: sessionId } = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      const ids: string[] = [];
      for (let turn = 1; turn <= 5; turn += 1) {
        const role = turn % 2 ? 'citizen' : 'assistant';
        ids.push(await scope.storage.messages.append({ sessionId, role, text: `lượt ${turn}`, meta: { turn } }));
      }
      const all = await scope.storage.messages.list(sessionId);
      expect(all.map((m) => m.text)).toEqual(['lượt 1', 'lượt 2', 'lượt 3', 'lượt 4', 'lượt 5']);
      expect(all.map((m) => m.id)).toEqual(ids);
      expect(all[1]).toMatchObject({ role: 'assistant', meta: { turn: 2 }, sessionId, createdAt: scope.clock.now() });
      expect((await scope.storage.messages.list(sessionId, { limit: 2 })).map((m) => m.text)).toEqual(['lượt 4', 'lượt 5']);
      expect(await scope.storage.messages.list('other')).toEqual([]);
    });

    it('appending touches the session; an unknown session is not_found', async () => {
      const session = await scope.storage.sessions.create({ channel: 'http', language: 'en' });
      scope.clock.advanceDays(2);
      await scope.storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'hello' });
      expect((await scope.storage.sessions.get(session.id))?.lastSeenAt.getTime()).toBe(scope.clock.now().getTime());
      await expect(scope.storage.messages.append({ sessionId: 'nope', role: 'citizen', text: 'x' })).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('stores no message text and no gap question in clear, yet list() returns them', async () => {
      const { id: sessionId } = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      await scope.storage.messages.append({ sessionId, role: 'citizen', text: `Tôi là ${PERSONAL}`, meta: { kind: 'question' } });
      await scope.storage.gaps.add({ question: 'MARKER-SEALED-GAP-QUESTION', language: 'vi', reason: 'unanswered' });
      const bytes = Buffer.concat([await rawTableBytes(scope.harness, 'messages'), await rawTableBytes(scope.harness, 'sessions'), await rawTableBytes(scope.harness, 'gaps')]);
      // Positive control: plain columns (the message's meta, the gap's reason) are visible to this scan, so the misses below are real.
      expect(bytes.includes(Buffer.from('question'))).toBe(true);
      expect(bytes.includes(Buffer.from('unanswered'))).toBe(true);
      for (const needle of [PERSONAL, 'Nguyễn Thị Hoa', '079123456789', 'MARKER-SEALED-GAP-QUESTION']) expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect((await scope.storage.messages.list(sessionId))[0]?.text).toBe(`Tôi là ${PERSONAL}`);
      expect((await scope.storage.gaps.list())[0]?.question).toBe('MARKER-SEALED-GAP-QUESTION');
    });

    it('reports a tampered message, or one sealed with another key, as storage_corrupt', async () => {
      const { id: sessionId } = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const id = await scope.storage.messages.append({ sessionId, role: 'citizen', text: PERSONAL });
      const [row] = await scope.harness.query<{ text: Buffer }>('SELECT text FROM messages WHERE id = $1', [id]);
      const blob = Buffer.from(row!.text);
      blob[blob.length - 3]! ^= 0xff;
      await scope.harness.query('UPDATE messages SET text = $1 WHERE id = $2', [blob, id]);
      await expect(asClientSees(scope.storage.messages.list(sessionId))).rejects.toMatchObject({ code: 'storage_corrupt', status: 500 });
      await scope.harness.query('UPDATE messages SET text = $1 WHERE id = $2', [encryptText(randomBytes(32), PERSONAL), id]);
      await expect(scope.storage.messages.list(sessionId)).rejects.toMatchObject({ code: 'storage_corrupt' });
    });
  });

  describe('feedback', () => {
    const conversation = async () => {
      const { id: sessionId } = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      const messageId = await scope.storage.messages.append({ sessionId, role: 'assistant', text: 'Câu trả lời' });
      return { sessionId, messageId };
    };

    it('round-trips ratings with an encrypted comment, newest first, filtered by rating, date and limit', async () => {
      const { sessionId, messageId } = await conversation();
      const down = await scope.storage.feedback.add({ sessionId, messageId, rating: 'down', comment: 'Gọi tôi: Lê Văn Nam 0912345678' });
      scope.clock.advanceDays(1);
      const up = await scope.storage.feedback.add({ sessionId, messageId, rating: 'up' });
      expect(down).toMatchObject({ sessionId, messageId, rating: 'down', comment: 'Gọi tôi: Lê Văn Nam 0912345678' });
      expect(up.comment).toBeUndefined();
      expect((await scope.storage.feedback.list()).map((f) => f.id)).toEqual([up.id, down.id]);
      expect((await scope.storage.feedback.list({ rating: 'down' })).map((f) => f.id)).toEqual([down.id]);
      expect((await scope.storage.feedback.list({ since: scope.clock.now() })).map((f) => f.id)).toEqual([up.id]);
      expect(await scope.storage.feedback.list({ limit: 1 })).toHaveLength(1);
      expect((await rawTableBytes(scope.harness, 'feedback')).includes(Buffer.from('0912345678'))).toBe(false);
    });

    it('orders feedback of the same instant newest first', async () => {
      const { sessionId, messageId } = await conversation();
      const first = await scope.storage.feedback.add({ sessionId, messageId, rating: 'up' });
      const second = await scope.storage.feedback.add({ sessionId, messageId, rating: 'down' });
      expect((await scope.storage.feedback.list()).map((f) => f.id)).toEqual([second.id, first.id]);
    });

    it('refuses a rating of a message that is not in the given session', async () => {
      const mine = await conversation();
      const theirs = await conversation();
      await expect(
        scope.storage.feedback.add({ sessionId: mine.sessionId, messageId: theirs.messageId, rating: 'up' }),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect(await scope.storage.feedback.list()).toEqual([]);
    });
  });

  describe('gaps', () => {
    it('round-trips questions in plain text, filters by date and status, and changes status', async () => {
      const first = await scope.storage.gaps.add({ question: 'thủ tục nuôi chó', language: 'vi', reason: 'out-of-scope' });
      scope.clock.advanceDays(1);
      const second = await scope.storage.gaps.add({
        question: 'how to register [name] residence',
        language: 'en',
        reason: 'low-confidence',
        topIds: ['dang-ky-tam-tru', 'dang-ky-thuong-tru'],
      });
      expect(first).toMatchObject({ status: 'open', topIds: [], reason: 'out-of-scope', language: 'vi', question: 'thủ tục nuôi chó' });
      expect(second.topIds).toEqual(['dang-ky-tam-tru', 'dang-ky-thuong-tru']);
      expect((await scope.storage.gaps.list()).map((g) => g.id)).toEqual([second.id, first.id]);
      expect((await scope.storage.gaps.list({ since: scope.clock.now() })).map((g) => g.id)).toEqual([second.id]);
      expect(await scope.storage.gaps.list({ limit: 1 })).toHaveLength(1);
      expect((await scope.storage.gaps.setStatus(first.id, 'dismissed')).status).toBe('dismissed');
      expect((await scope.storage.gaps.list({ status: 'open' })).map((g) => g.id)).toEqual([second.id]);
      expect((await scope.storage.gaps.list({ status: 'dismissed' })).map((g) => g.id)).toEqual([first.id]);
      await expect(scope.storage.gaps.setStatus('nope', 'attached')).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
