import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, startChatServer, type TestChatServer } from '../../helpers/chat-server.js';

let server: TestChatServer;
beforeAll(async () => {
  server = await startChatServer();
});
afterAll(async () => {
  await server.close();
});

async function openSession(channel: 'widget' | 'kiosk' = 'widget'): Promise<{ client: ChatClient; sessionId: string }> {
  const client = await ChatClient.connect(server.wsUrl);
  const session = await client.ask({ type: 'hello', language: 'vi', channel }, 'session');
  return { client, sessionId: session.sessionId };
}

describe('/ws/chat', () => {
  it('answers a question with a citation of the entry', async () => {
    const { client } = await openSession();
    const answer = await client.ask({ type: 'message', text: 'lam giay khai sinh cho con can giay to gi' }, 'answer');
    expect(answer.kind).toBe('answer');
    expect(answer.entryId).toBe('dang-ky-khai-sinh');
    expect(answer.citations[0]).toMatchObject({ id: 'dang-ky-khai-sinh', codes: ['1.001193'], url: expect.stringContaining('dichvucong.gov.vn') });
    expect(answer.text).toMatch(/[Gg]iấy chứng sinh/);
    expect(client.frames.some((f) => f.type === 'typing')).toBe(true);
    client.close();
  });

  it('is not misled by the words of the question itself ("cần giấy tờ gì")', async () => {
    const { client } = await openSession();
    const answer = await client.ask({ type: 'message', text: 'cấp thẻ căn cước cần giấy tờ gì' }, 'answer');
    expect(answer.entryId).toBe('cap-the-can-cuoc');
    client.close();
  });

  it('resolves a follow-up from the conversation', async () => {
    const { client } = await openSession();
    await client.ask({ type: 'message', text: 'Đăng ký tạm trú cho người thuê nhà' }, 'answer');
    const fee = await client.ask({ type: 'message', text: 'còn lệ phí thì sao?' }, 'answer');
    expect(fee.entryId).toBe('dang-ky-tam-tru');
    expect(fee.text).toContain('7.000');
    client.close();
  });

  it('asks a clarifying question and answers the choice', async () => {
    const { client } = await openSession();
    const clarify = await client.ask({ type: 'message', text: 'chứng thực' }, 'answer');
    expect(clarify.kind).toBe('clarify');
    expect(clarify.citations).toEqual([]);
    const ids = clarify.choices!.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['chung-thuc-ban-sao', 'chung-thuc-chu-ky']));
    const answer = await client.ask({ type: 'choice', id: 'chung-thuc-chu-ky' }, 'answer');
    expect(answer).toMatchObject({ kind: 'answer', entryId: 'chung-thuc-chu-ky' });
    client.close();
  });

  it('declines an out-of-scope question politely, offers a hand-over and records the gap', async () => {
    const { client } = await openSession();
    const answer = await client.ask({ type: 'message', text: 'Hôm nay thời tiết Hà Nội thế nào?' }, 'answer');
    expect(answer).toMatchObject({ kind: 'fallback', citations: [], handover: true });
    const gaps = await server.storage.gaps.list();
    expect(gaps.some((g) => g.question.includes('thời tiết'))).toBe(true);
    client.close();
  });

  it('answers in English when the citizen writes English', async () => {
    const { client } = await openSession();
    const answer = await client.ask({ type: 'message', text: 'How do I register a marriage at the ward?' }, 'answer');
    expect(answer).toMatchObject({ language: 'en', entryId: 'dang-ky-ket-hon' });
    expect(answer.text).toMatch(/[A-Za-z]+ [a-z]+/);
    client.close();
  });

  it('answers small talk briefly without citations', async () => {
    const { client } = await openSession();
    const answer = await client.ask({ type: 'message', text: 'xin chào' }, 'answer');
    expect(answer).toMatchObject({ kind: 'smalltalk', citations: [] });
    client.close();
  });

  it('rejects an invalid JSON frame, an unknown frame, a binary and an oversize frame, and stays usable', async () => {
    const { client } = await openSession();
    expect(await client.ask('{not json', 'error')).toMatchObject({ code: 'invalid_json' });
    expect(await client.ask({ type: 'dance' }, 'error')).toMatchObject({ code: 'invalid_frame' });
    expect(await client.ask({ type: 'message', text: '' }, 'error')).toMatchObject({ code: 'invalid_frame', errors: [{ field: 'text' }] });
    expect(await client.ask(Buffer.from([1, 2, 3]), 'error')).toMatchObject({ code: 'binary_not_supported' });
    expect(await client.ask({ type: 'message', text: 'x'.repeat(20_000) }, 'error')).toMatchObject({ code: 'frame_too_large' });
    const answer = await client.ask({ type: 'message', text: 'dang ky ket hon' }, 'answer');
    expect(answer.entryId).toBe('dang-ky-ket-hon');
    client.close();
  });

  it('restores the history when a widget reconnects with its session id', async () => {
    const { client, sessionId } = await openSession();
    await client.ask({ type: 'message', text: 'giay xac nhan doc than' }, 'answer');
    client.close();
    const again = await ChatClient.connect(server.wsUrl);
    const session = await again.ask({ type: 'hello', sessionId, channel: 'widget' }, 'session');
    expect(session).toMatchObject({ sessionId, resumed: true });
    expect(session.history.map((m) => m.role)).toEqual(['citizen', 'assistant']);
    expect(session.history[0]?.text).toBe('giay xac nhan doc than');
    again.close();
  });

  it('never resumes an ended session', async () => {
    const { client, sessionId } = await openSession();
    await client.ask({ type: 'end' }, 'ended');
    const session = await client.ask({ type: 'hello', sessionId, channel: 'widget' }, 'session');
    expect(session.resumed).toBe(false);
    expect(session.sessionId).not.toBe(sessionId);
    client.close();
  });

  it('stores feedback and gives a hand-over ticket with the wait (at the kiosk)', async () => {
    const { client, sessionId } = await openSession('kiosk');
    const answer = await client.ask({ type: 'message', text: 'đăng ký khai tử' }, 'answer');
    expect(await client.ask({ type: 'feedback', messageId: answer.messageId, rating: 'down', comment: 'thiếu thông tin' }, 'feedback_ack')).toMatchObject({ messageId: answer.messageId });
    const stored = await server.storage.feedback.list({ rating: 'down' });
    expect(stored.some((f) => f.sessionId === sessionId && f.comment === 'thiếu thông tin')).toBe(true);

    const ticket = await client.ask({ type: 'handover' }, 'ticket');
    expect(ticket.ticket.number).toBeGreaterThan(0);
    expect(ticket.text).toContain(String(ticket.ticket.number));
    const today = await server.storage.tickets.listToday();
    expect(today.some((t) => t.id === ticket.ticket.id && t.topic === 'dang-ky-khai-tu')).toBe(true);
    client.close();
  });
});
