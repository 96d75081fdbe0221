/**
 * A read-only or full disk (injected through the storage fault hook: CI runs as root, so chmod proves nothing)
 * must not silence the assistant: citizens keep getting cited answers over the socket and over HTTP, only what
 * they asked to be kept (a ticket, a dossier) is reported as not saved, officials' writes get a clear 503, and
 * once the disk is back everything works again without a restart.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerFrame, ServerFrame, TicketFrame } from '../../../src/chat/protocol.js';
import { wardDayOf } from '../../../src/shared/ward-time.js';
import { storageUnavailableError } from '../../../src/shared/errors.js';
import { ChatClient } from '../../helpers/chat-server.js';
import { composeFaultServer, createFaultSwitch, type ComposedServer, type FaultSwitch } from '../../helpers/fault-server-compose.js';
import { buildCapturingLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';
import { fillBirthFormToReview, postBirthDossier } from './support.js';

const ADMIN_TOKEN = 'fault-test-admin-token-0123456789';
const UNAVAILABLE_MESSAGE = storageUnavailableError().message;

interface Harness {
  server: ComposedServer;
  faults: FaultSwitch;
  logLines: () => string[];
  cleanup: () => Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const temp = await makeTempDir('ward-degraded-');
  const faults = createFaultSwitch();
  const { logger, lines } = buildCapturingLogger('info');
  const server = await composeFaultServer({ dataDir: temp.dir, key: randomBytes(32), faults: faults.faults, logger, adminToken: ADMIN_TOKEN });
  return {
    server,
    faults,
    logLines: lines,
    cleanup: async () => {
      await server.close();
      await temp.cleanup();
    },
  };
}

type ChatResponse = { sessionId: string | null; frames: ServerFrame[] };

async function postChat(url: string, body: unknown): Promise<{ status: number; body: ChatResponse & { error?: { code: string; message: string } } }> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as ChatResponse & { error?: { code: string; message: string } } };
}

const answerOf = (response: ChatResponse) => response.frames.find((f): f is AnswerFrame => f.type === 'answer');
const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.cleanup();
});
afterEach(() => {
  h.faults.heal();
});

describe('chat while storage cannot write', () => {
  it('answers over the socket with citations, follows up, and reports only the ticket it could not take', async () => {
    h.faults.fail('SQLITE_READONLY');
    const client = await ChatClient.connect(h.server.wsUrl);
    const session = await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    expect(session).toMatchObject({ resumed: false, sessionId: expect.any(String) });

    const answer = await client.ask({ type: 'message', text: 'đăng ký tạm trú' }, 'answer');
    expect(answer.kind).toBe('answer');
    expect(answer.citations[0]?.id).toBe('dang-ky-tam-tru');
    const followUp = await client.ask({ type: 'message', text: 'mất bao lâu?' }, 'answer');
    expect(followUp.entryId).toBe('dang-ky-tam-tru');
    expect(followUp.citations.length).toBeGreaterThan(0);
    const unknown = await client.ask({ type: 'message', text: 'ai thắng trận bóng đá tối qua' }, 'answer');
    expect(unknown.kind).toBe('fallback');
    expect(await client.ask({ type: 'feedback', messageId: answer.messageId, rating: 'up' }, 'feedback_ack')).toEqual({ type: 'feedback_ack', messageId: answer.messageId });

    const refused = await client.ask({ type: 'handover' }, 'error');
    expect(refused.code).toBe('storage_unavailable');
    expect(refused.message).toMatch(/không cấp được số thứ tự/);
    expect(refused.message).toMatch(/bộ phận một cửa/);
    // Nothing reached the database, and the failed writes were really attempted.
    expect(await h.server.storage.sessions.get(session.sessionId)).toBeUndefined();
    expect(h.faults.failed).toEqual(expect.arrayContaining(['sessions.create', 'gaps.add', 'tickets.create']));

    // The disk is back: the same conversation goes on, is stored from now on, and gets its ticket.
    h.faults.heal();
    const fee = await client.ask({ type: 'message', text: 'lệ phí bao nhiêu?' }, 'answer');
    expect(fee.entryId).toBe('dang-ky-tam-tru');
    const ticket = await client.ask({ type: 'handover' }, 'ticket');
    const stored = await h.server.storage.tickets.get(ticket.ticket.id);
    expect(stored?.sessionId).toEqual(expect.any(String));
    const messages = await h.server.storage.messages.list(stored!.sessionId!);
    expect(messages.map((m) => m.text)).toEqual(['lệ phí bao nhiêu?', fee.text]);
    client.close();
  });

  it('answers over POST /api/chat with citations, and a hand-over there is a 503 that says what to do', async () => {
    h.faults.fail('SQLITE_FULL');
    const first = await postChat(h.server.url, { frame: { type: 'message', text: 'đăng ký kết hôn cần giấy tờ gì' } });
    expect(first.status).toBe(200);
    expect(first.body.frames.map((f) => f.type)).toEqual(['session', 'answer']);
    expect(answerOf(first.body)?.citations[0]?.id).toBe('dang-ky-ket-hon');

    const second = await postChat(h.server.url, { sessionId: first.body.sessionId, frame: { type: 'message', text: 'lệ phí bao nhiêu?' } });
    expect(answerOf(second.body)?.entryId).toBe('dang-ky-ket-hon');

    const handover = await postChat(h.server.url, { sessionId: first.body.sessionId, frame: { type: 'handover' } });
    expect(handover.status).toBe(503);
    expect(handover.body.error).toMatchObject({ code: 'storage_unavailable', message: expect.stringMatching(/số thứ tự/) });

    h.faults.heal();
    const after = await postChat(h.server.url, { sessionId: first.body.sessionId, frame: { type: 'handover' } });
    expect(after.status).toBe(200);
    expect((after.body.frames[0] as TicketFrame).ticket.number).toBeGreaterThan(0);
  });

  it('keeps a stored conversation coherent through the outage and stores it again afterwards', async () => {
    const first = await postChat(h.server.url, { channel: 'widget', frame: { type: 'message', text: 'đăng ký tạm trú' } });
    const sessionId = first.body.sessionId!;
    h.faults.fail('SQLITE_READONLY');
    const during = await postChat(h.server.url, { sessionId, channel: 'widget', frame: { type: 'message', text: 'mất bao lâu?' } });
    expect(answerOf(during.body)?.entryId).toBe('dang-ky-tam-tru');
    h.faults.heal();
    const after = await postChat(h.server.url, { sessionId, channel: 'widget', frame: { type: 'message', text: 'lệ phí bao nhiêu?' } });
    expect(answerOf(after.body)?.entryId).toBe('dang-ky-tam-tru');
    const texts = (await h.server.storage.messages.list(sessionId)).map((m) => m.text);
    expect(texts).toEqual(['đăng ký tạm trú', answerOf(first.body)!.text, 'lệ phí bao nhiêu?', answerOf(after.body)!.text]);
    // The resumed widget sees the stored history, and the session is still open.
    const client = await ChatClient.connect(h.server.wsUrl);
    const resumed = await client.ask({ type: 'hello', sessionId, channel: 'widget' }, 'session');
    expect(resumed).toMatchObject({ resumed: true, sessionId });
    expect(resumed.history).toHaveLength(4);
    client.close();
  });

  it('keeps a form filled during the outage, says it is not saved yet, and saves it with one tap once the disk is back', async () => {
    h.faults.fail('SQLITE_FULL');
    const client = await ChatClient.connect(h.server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    const review = await fillBirthFormToReview(client);
    expect(review.form?.values['tre.ho_ten']).toBe('Nguyễn Minh Khôi');

    const notSaved = await client.ask({ type: 'message', text: 'đúng rồi' }, 'answer');
    expect(notSaved.kind).toBe('form');
    expect(notSaved.dossier).toBeUndefined();
    expect(notSaved.text).toMatch(/chưa lưu được tờ khai/);
    expect(notSaved.choices).toEqual([{ id: 'form:yes', label: 'Thử lưu lại' }]);
    expect(notSaved.form).toMatchObject({ stage: 'review', values: { 'tre.ho_ten': 'Nguyễn Minh Khôi' } });
    const again = await client.ask({ type: 'choice', id: 'form:yes' }, 'answer');
    expect(again.dossier).toBeUndefined();

    h.faults.heal();
    const saved = await client.ask({ type: 'choice', id: 'form:yes' }, 'answer');
    expect(saved.dossier?.reference).toMatch(/^HS-/);
    const dossier = await h.server.storage.dossiers.getByReference(saved.dossier!.reference);
    expect(dossier?.values).toMatchObject({ 'tre.ho_ten': 'Nguyễn Minh Khôi', 'nguoi_yeu_cau.so_dinh_danh': '001090012345' });
    const page = await fetch(`${h.server.url}${saved.dossier!.printUrl}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Nguyễn Minh Khôi');
    client.close();
  });
});

describe('writes that must be stored while storage cannot write', () => {
  it('answer 503 storage_unavailable with the Vietnamese message, reads go on, and the same server recovers', async () => {
    const created = await postBirthDossier(h.server.url);
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };

    h.faults.fail('SQLITE_READONLY');
    const refused = await postBirthDossier(h.server.url);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'storage_unavailable', message: UNAVAILABLE_MESSAGE } });
    expect(UNAVAILABLE_MESSAGE).toMatch(/không lưu được dữ liệu/);

    const received = await fetch(`${h.server.url}/admin/api/dossiers/${reference}/received`, { method: 'POST', headers: adminHeaders });
    expect(received.status).toBe(503);
    expect(await received.json()).toMatchObject({ error: { code: 'storage_unavailable', message: UNAVAILABLE_MESSAGE } });
    const read = await fetch(`${h.server.url}/admin/api/dossiers/${reference}`, { headers: adminHeaders });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { dossier: { status: string } }).dossier.status).toBe('new');

    h.faults.heal();
    const receivedAfter = await fetch(`${h.server.url}/admin/api/dossiers/${reference}/received`, { method: 'POST', headers: adminHeaders });
    expect(receivedAfter.status).toBe(200);
    expect(((await receivedAfter.json()) as { dossier: { status: string } }).dossier.status).toBe('received');
    expect((await postBirthDossier(h.server.url)).status).toBe(201);
  });
});

describe('logging while storage cannot write', () => {
  it('logs each kind of failure once, without the conversation, and its recovery once', async () => {
    const own = await startHarness();
    try {
      own.faults.fail('SQLITE_READONLY');
      const first = await postChat(own.server.url, { channel: 'widget', frame: { type: 'message', text: 'Tôi là Phạm Thị Lụa, CCCD 001190012345, hỏi đăng ký kết hôn' } });
      const sessionId = first.body.sessionId;
      for (const text of ['mất bao lâu?', 'lệ phí bao nhiêu?', 'ai thắng trận bóng đá tối qua']) {
        expect((await postChat(own.server.url, { sessionId, channel: 'widget', frame: { type: 'message', text } })).status).toBe(200);
      }
      const engineLines = () => own.logLines().map((l) => JSON.parse(l) as { module?: string; msg: string; op?: string; code?: string; failures?: number }).filter((l) => l.module === 'chat');
      const warned = engineLines().filter((l) => l.msg.startsWith('storage write failed'));
      const kinds = warned.map((l) => `${l.op}:${l.code}`);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).toEqual(expect.arrayContaining(['sessions.create:storage_unavailable', 'usage.record:storage_unavailable', 'gaps.add:storage_unavailable']));

      own.faults.heal();
      await postChat(own.server.url, { sessionId, channel: 'widget', frame: { type: 'message', text: 'đăng ký kết hôn' } });
      const recovered = engineLines().filter((l) => l.msg === 'storage write recovered');
      expect(recovered.find((l) => l.op === 'sessions.create')?.failures).toBeGreaterThanOrEqual(4);
      const logged = own.logLines().join('\n');
      for (const secret of ['Lụa', '001190012345', 'kết hôn', 'bóng đá']) expect(logged).not.toContain(secret);
    } finally {
      await own.cleanup();
    }
  });
});

describe('usage counters for the officials’ dashboard', () => {
  const today = () => wardDayOf(new Date());
  const counters = async (server: ComposedServer) => {
    const rows = await server.storage.usage.list({ from: today(), to: today() });
    return Object.fromEntries(rows.map((r) => [r.key ? `${r.metric}:${r.key}` : r.metric, r.count]));
  };

  it('count questions, answers, declines, procedures, hand-overs, dossiers and feedback', async () => {
    const own = await startHarness();
    try {
      const client = await ChatClient.connect(own.server.wsUrl);
      await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
      const answer = await client.ask({ type: 'message', text: 'đăng ký tạm trú' }, 'answer');
      await client.ask({ type: 'message', text: 'xin chào' }, 'answer');
      await client.ask({ type: 'followup', aspect: 'fee' }, 'answer');
      await client.ask({ type: 'message', text: 'ai thắng trận bóng đá tối qua' }, 'answer');
      await client.ask({ type: 'feedback', messageId: answer.messageId, rating: 'up' }, 'feedback_ack');
      await client.ask({ type: 'feedback', messageId: answer.messageId, rating: 'down' }, 'feedback_ack');
      await client.ask({ type: 'handover' }, 'ticket');
      // A clarifying question counts once: the pick that settles it is its answer, not a second question.
      const clarify = await client.ask({ type: 'message', text: 'chứng thực' }, 'answer');
      expect(clarify.kind).toBe('clarify');
      await client.ask({ type: 'choice', id: 'chung-thuc-chu-ky' }, 'answer');
      await fillBirthFormToReview(client);
      expect((await client.ask({ type: 'message', text: 'đúng rồi' }, 'answer')).dossier).toBeDefined();
      client.close();

      expect(await counters(own.server)).toEqual({
        question: 4,
        answered: 3,
        declined: 1,
        'procedure:dang-ky-tam-tru': 2,
        'procedure:chung-thuc-chu-ky': 1,
        handover: 1,
        dossier: 1,
        'feedback.up': 1,
        'feedback.down': 1,
      });
    } finally {
      await own.cleanup();
    }
  });

  it('never cost a reply: neither a full disk nor a broken usage repository', async () => {
    const own = await startHarness();
    try {
      own.faults.fail('SQLITE_FULL', ['usage.record']);
      const first = await postChat(own.server.url, { channel: 'widget', frame: { type: 'message', text: 'đăng ký tạm trú' } });
      expect(answerOf(first.body)?.citations[0]?.id).toBe('dang-ky-tam-tru');
      expect(own.faults.failed).toContain('usage.record');

      own.faults.heal();
      const record = vi.spyOn(own.server.storage.usage, 'record').mockRejectedValue(new TypeError('usage is not implemented'));
      const second = await postChat(own.server.url, { sessionId: first.body.sessionId, channel: 'widget', frame: { type: 'message', text: 'lệ phí bao nhiêu?' } });
      expect(answerOf(second.body)?.entryId).toBe('dang-ky-tam-tru');
      expect(record).toHaveBeenCalledWith([{ metric: 'question' }, { metric: 'answered' }, { metric: 'procedure', key: 'dang-ky-tam-tru' }]);
      record.mockRestore();
      expect(await counters(own.server)).toEqual({});
      // Messages were stored all along: only the counters were lost.
      expect(await own.server.storage.messages.list(first.body.sessionId!)).toHaveLength(4);
    } finally {
      await own.cleanup();
    }
  });
});
