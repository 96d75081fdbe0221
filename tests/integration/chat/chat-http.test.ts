import { describe, expect, it } from 'vitest';
import type { AnswerFrame, ServerFrame, TicketFrame } from '../../../src/chat/protocol.js';
import { buildChatApp } from '../../helpers/chat-server.js';

type ChatResponse = { sessionId: string | null; frames: ServerFrame[] };

async function post(app: Awaited<ReturnType<typeof buildChatApp>>['app'], body: unknown) {
  return app.request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/chat (HTTP fallback)', () => {
  it('opens a session, answers with citations, resolves a follow-up and keeps the history', async () => {
    const { app, storage } = await buildChatApp();
    const first = (await (await post(app, { channel: 'widget', frame: { type: 'message', text: 'đăng ký tạm trú' } })).json()) as ChatResponse;
    expect(first.sessionId).toBeTruthy();
    expect(first.frames.map((f) => f.type)).toEqual(['session', 'answer']);
    const answer = first.frames[1] as AnswerFrame;
    expect(answer.citations[0]?.id).toBe('dang-ky-tam-tru');

    const second = (await (await post(app, { sessionId: first.sessionId, channel: 'widget', frame: { type: 'message', text: 'mất bao lâu?' } })).json()) as ChatResponse;
    expect(second.sessionId).toBe(first.sessionId);
    expect((second.frames[0] as AnswerFrame).entryId).toBe('dang-ky-tam-tru');
    expect(await storage.messages.list(first.sessionId!)).toHaveLength(4);
  });

  it('gives a hand-over ticket and stores feedback like the socket does', async () => {
    const { app, storage } = await buildChatApp();
    const first = (await (await post(app, { frame: { type: 'message', text: 'chung thuc chu ky' } })).json()) as ChatResponse;
    const answer = first.frames.find((f) => f.type === 'answer') as AnswerFrame;
    const fb = (await (await post(app, { sessionId: first.sessionId, frame: { type: 'feedback', messageId: answer.messageId, rating: 'up' } })).json()) as ChatResponse;
    expect(fb.frames).toEqual([{ type: 'feedback_ack', messageId: answer.messageId }]);
    const ticket = (await (await post(app, { sessionId: first.sessionId, frame: { type: 'handover' } })).json()) as ChatResponse;
    expect((ticket.frames[0] as TicketFrame).ticket.number).toBe(1);
    expect(await storage.feedback.list({ rating: 'up' })).toHaveLength(1);
  });

  it('rejects bad bodies with a 400 naming the field, and an ended session with 410', async () => {
    const { app } = await buildChatApp();
    const bad = await post(app, '{oops');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const invalid = await post(app, { frame: { type: 'message', text: 'x'.repeat(1001) } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('frame.text');

    const first = (await (await post(app, { frame: { type: 'message', text: 'xin chào' } })).json()) as ChatResponse;
    await post(app, { sessionId: first.sessionId, frame: { type: 'end' } });
    const after = await post(app, { sessionId: first.sessionId, frame: { type: 'message', text: 'đăng ký kết hôn' } });
    expect(after.status).toBe(410);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('session_ended');
  });

  it('limits messages per minute per client address', async () => {
    const { app } = await buildChatApp({ chatMessagesPerMinutePerIp: 2 });
    expect((await post(app, { frame: { type: 'ping' } })).status).toBe(200);
    expect((await post(app, { frame: { type: 'ping' } })).status).toBe(200);
    const limited = await post(app, { frame: { type: 'ping' } });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});

describe('/admin/api', () => {
  it('is closed without the token, with a wrong token, and when no token is configured', async () => {
    const { app } = await buildChatApp({ adminToken: 'correct-horse-battery-staple' });
    expect((await app.request('http://localhost/admin/api/tickets')).status).toBe(401);
    expect((await app.request('http://localhost/admin/api/tickets', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const { app: closed } = await buildChatApp();
    const res = await closed.request('http://localhost/admin/api/tickets', { headers: { authorization: 'Bearer anything-at-all-here' } });
    // Without ADMIN_TOKEN only officials' own log-ins open the API.
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('lets an official list and call today’s tickets, and read gaps and feedback', async () => {
    const { app } = await buildChatApp({ adminToken: 'correct-horse-battery-staple' });
    const auth = { authorization: 'Bearer correct-horse-battery-staple', 'content-type': 'application/json' };
    const first = (await (await post(app, { frame: { type: 'message', text: 'giá vàng hôm nay bao nhiêu' } })).json()) as ChatResponse;
    await post(app, { sessionId: first.sessionId, frame: { type: 'handover' } });
    const list = (await (await app.request('http://localhost/admin/api/tickets', { headers: auth })).json()) as { tickets: { id: string; status: string }[] };
    expect(list.tickets).toHaveLength(1);
    const called = await app.request(`http://localhost/admin/api/tickets/${list.tickets[0]!.id}/call`, { method: 'POST', headers: auth, body: JSON.stringify({ counter: 2 }) });
    expect(((await called.json()) as { ticket: { status: string; counter: number } }).ticket).toMatchObject({ status: 'called', counter: 2 });
    const badCall = await app.request(`http://localhost/admin/api/tickets/${list.tickets[0]!.id}/call`, { method: 'POST', headers: auth, body: JSON.stringify({ counter: 0 }) });
    expect(badCall.status).toBe(400);
    const gaps = (await (await app.request('http://localhost/admin/api/gaps', { headers: auth })).json()) as { gaps: { question: string }[] };
    expect(gaps.gaps.map((g) => g.question)).toContain('giá vàng hôm nay bao nhiêu');
  });
});

describe('optional LLM wording', () => {
  it('rewords answers about an entry, but never small talk or fallbacks, and keeps the citations', async () => {
    const calls: string[] = [];
    const { app } = await buildChatApp({
      rephraser: { rephrase: async ({ entry }) => (calls.push(entry.id), `Nói gọn: ${entry.title.vi}.`) },
    });
    const answered = (await (await post(app, { frame: { type: 'message', text: 'đăng ký kết hôn' } })).json()) as ChatResponse;
    const answer = answered.frames.find((f) => f.type === 'answer') as AnswerFrame;
    expect(answer.text).toBe('Nói gọn: Đăng ký kết hôn.');
    expect(answer.citations[0]?.id).toBe('dang-ky-ket-hon');
    await post(app, { sessionId: answered.sessionId, frame: { type: 'message', text: 'xin chào' } });
    expect(calls).toEqual(['dang-ky-ket-hon']);
  });
});

describe('/api/dossiers/print (the citizen’s print link)', () => {
  it('answers a page for a person, never JSON, when the database cannot be read', async () => {
    const { app, storage, printTokens } = await buildChatApp();
    await storage.close();
    const res = await app.request(`http://localhost/api/dossiers/print?token=${printTokens.issue('HS-AAA-BBB-CCC').token}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Chưa mở được tờ khai');
  });
});

describe('/admin/api/dossiers (the dossier desk)', () => {
  it('opens a dossier by reference, prints it, lists today’s and marks it received; never without the token', async () => {
    const { app, storage } = await buildChatApp({ adminToken: 'correct-horse-battery-staple' });
    const auth = { authorization: 'Bearer correct-horse-battery-staple' };
    const dossier = await storage.dossiers.create({ formId: 'to-khai-cap-ban-sao-trich-luc', values: { 'nguoi_yeu_cau.ho_ten': 'Đỗ Văn Tư' }, channel: 'kiosk' });
    expect((await app.request(`http://localhost/admin/api/dossiers/${dossier.reference}`)).status).toBe(401);
    const opened = (await (await app.request(`http://localhost/admin/api/dossiers/${dossier.reference.toLowerCase()}`, { headers: auth })).json()) as { dossier: { values: Record<string, string> } };
    expect(opened.dossier.values['nguoi_yeu_cau.ho_ten']).toBe('Đỗ Văn Tư');
    const page = await app.request(`http://localhost/admin/api/dossiers/${dossier.reference}/print`, { headers: auth });
    expect(await page.text()).toContain('Đỗ Văn Tư');
    const today = (await (await app.request('http://localhost/admin/api/dossiers', { headers: auth })).json()) as { dossiers: { reference: string; status: string }[] };
    expect(today.dossiers).toEqual([expect.objectContaining({ reference: dossier.reference, status: 'new' })]);
    const received = (await (await app.request(`http://localhost/admin/api/dossiers/${dossier.reference}/received`, { method: 'POST', headers: auth })).json()) as { dossier: { status: string } };
    expect(received.dossier.status).toBe('received');
    expect((await app.request('http://localhost/admin/api/dossiers/HS-000-000-000', { headers: auth })).status).toBe(404);
    // The citizen's print page opens only with a signed, short-lived link; the reference alone opens nothing.
    expect((await app.request(`http://localhost/api/dossiers/${dossier.reference}/print`)).status).toBe(404);
    expect((await app.request(`http://localhost/api/dossiers/print?token=${dossier.reference}`)).status).toBe(410);
  });
});
