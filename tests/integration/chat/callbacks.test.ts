import { describe, expect, it } from 'vitest';
import { buildWorkbench } from '../admin/admin-test-kit.js';

const BASE = 'http://localhost';
const SITE = 'https://phuong.example.gov.vn';

type Built = Awaited<ReturnType<typeof buildWorkbench>>;

function postCallback(built: Built, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    built.app.request(`${BASE}/api/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** A widget conversation about marriage that asks for an official; returns its session id and the contact answer. */
async function widgetHandover(built: Built): Promise<{ sessionId: string; answer: { text: string; callback?: { retentionDays: number } } }> {
  const chat = (body: unknown) =>
    Promise.resolve(built.app.request(`${BASE}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).then(
      (r) => r.json() as Promise<{ sessionId: string; frames: { type: string }[] }>,
    );
  const first = await chat({ channel: 'widget', frame: { type: 'message', text: 'đăng ký kết hôn cần giấy tờ gì' } });
  const second = await chat({ sessionId: first.sessionId, channel: 'widget', frame: { type: 'message', text: 'Gặp cán bộ' } });
  return { sessionId: first.sessionId, answer: second.frames.find((f) => f.type === 'answer') as never };
}

describe('widget call-back requests (POST /api/callbacks)', () => {
  it('follows the ward’s contact in the widget (never a ticket), is stored sealed and listed on the desk with the topic’s title', async () => {
    const built = await buildWorkbench({ widgetOrigins: [SITE] });
    const { sessionId, answer } = await widgetHandover(built);
    expect(answer.callback).toEqual({ retentionDays: 30 });
    expect(answer.text).toMatch(/cán bộ/);
    expect(await built.storage.tickets.listToday()).toEqual([]);

    const res = await postCallback(built, { name: '  Trần Văn Bình ', phone: '+84 912.345.678', consent: true, sessionId }, { origin: SITE });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { id } = (await res.json()) as { id: string };
    expect(await built.storage.callbacks.get(id)).toMatchObject({ name: 'Trần Văn Bình', phone: '0912345678', sessionId, topic: 'dang-ky-ket-hon', status: 'new' });

    const desk = await built.editor.json<{ callbacks: { id: string; name: string; phone: string; topicTitle: string; status: string }[] }>('GET', '/callbacks');
    expect(desk.callbacks).toEqual([expect.objectContaining({ id, name: 'Trần Văn Bình', phone: '0912345678', topicTitle: 'Đăng ký kết hôn', status: 'new' })]);
    expect((await built.editor.json<{ callback: { status: string } }>('POST', `/callbacks/${id}/called`, {}, 200)).callback.status).toBe('called');
    expect((await built.editor.json<{ callback: { status: string } }>('POST', `/callbacks/${id}/done`, {}, 200)).callback.status).toBe('done');
    const again = await built.editor.request('POST', `/callbacks/${id}/done`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('callback_closed');
    expect((await built.editor.json<{ callbacks: unknown[] }>('GET', '/callbacks?status=new')).callbacks).toEqual([]);

    // Audited without the visitor's personal data.
    const audit = await built.admin.json<{ events: { action: string; after: unknown }[] }>('GET', '/audit?action=callback.done');
    expect(audit.events).toHaveLength(1);
    expect(JSON.stringify(audit.events)).not.toMatch(/Bình|0912345678/);
  });

  it('answers the hand-over button of a widget session with the contact and the call-back offer, not a ticket', async () => {
    const built = await buildWorkbench({ widgetOrigins: [SITE] });
    const chat = async (body: unknown) =>
      (await (await built.app.request(`${BASE}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
        sessionId: string;
        frames: { type: string; callback?: unknown; text?: string }[];
      };
    const first = await chat({ channel: 'widget', frame: { type: 'message', text: 'đăng ký kết hôn cần giấy tờ gì' } });
    const handover = await chat({ sessionId: first.sessionId, channel: 'widget', frame: { type: 'handover' } });
    expect(handover.frames.map((f) => f.type)).toEqual(['answer']);
    expect(handover.frames[0]).toMatchObject({ callback: { retentionDays: 30 }, text: expect.stringMatching(/cán bộ/) });
    expect(await built.storage.tickets.listToday()).toEqual([]);
    // The same button at an HTTP client that is not the widget still takes a ticket.
    const other = await chat({ frame: { type: 'message', text: 'đăng ký kết hôn' } });
    expect((await chat({ sessionId: other.sessionId, frame: { type: 'handover' } })).frames.map((f) => f.type)).toEqual(['ticket']);
  });

  it('refuses a request without consent, with a bad phone or an empty name, naming the field; nothing is stored', async () => {
    const built = await buildWorkbench();
    const cases: [unknown, string][] = [
      [{ name: 'Trần Văn Bình', phone: '0912345678' }, 'consent'],
      [{ name: 'Trần Văn Bình', phone: '0912345678', consent: false }, 'consent'],
      [{ name: 'Trần Văn Bình', phone: '12345', consent: true }, 'phone'],
      [{ name: 'Trần Văn Bình', phone: '0912 345 678 999', consent: true }, 'phone'],
      [{ name: ' ', phone: '0912345678', consent: true }, 'name'],
      [{ name: 'Trần Văn Bình', phone: '0912345678', consent: true, extra: 1 }, '(root)'],
    ];
    for (const [body, field] of cases) {
      const res = await postCallback(built, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()) as { error: { code: string }; errors: { field: string; message: string }[] };
      expect(error.error.code).toBe('validation_failed');
      expect(error.errors.map((e) => e.field)).toContain(field);
    }
    const consent = (await (await postCallback(built, { name: 'Bình', phone: '0912345678' })).json()) as { errors: { message: string }[] };
    expect(consent.errors[0]?.message).toMatch(/đồng ý/);
    expect(await built.storage.callbacks.list()).toEqual([]);
  });

  it('is JSON only, from the ward’s own or allowed sites, size-limited and rate-limited per address and session', async () => {
    const built = await buildWorkbench({ widgetOrigins: [SITE] });
    const valid = { name: 'Trần Văn Bình', phone: '0912345678', consent: true };
    expect((await built.app.request(`${BASE}/api/callbacks`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid) })).status).toBe(415);
    const foreign = await postCallback(built, valid, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    expect((await postCallback(built, { ...valid, name: 'x'.repeat(5000) })).status).toBe(413);
    expect(await built.storage.callbacks.list()).toEqual([]);

    for (let i = 0; i < 3; i += 1) expect((await postCallback(built, valid, { origin: SITE })).status).toBe(201);
    const limited = await postCallback(built, valid, { origin: SITE });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await built.storage.callbacks.list()).toHaveLength(3);
  });

  it('links only an open widget session: a kiosk session’s id attaches nothing', async () => {
    const built = await buildWorkbench();
    const kiosk = await built.storage.sessions.create({ channel: 'kiosk', language: 'vi', state: { lastEntryId: 'dang-ky-khai-sinh' } });
    const res = await postCallback(built, { name: 'Trần Văn Bình', phone: '024 3825 1234', consent: true, sessionId: kiosk.id });
    expect(res.status).toBe(201);
    const [stored] = await built.storage.callbacks.list();
    expect(stored).toMatchObject({ phone: '02438251234', sessionId: undefined, topic: undefined });
  });

  it('shows titles, not internal ids, for the desk’s dossiers and tickets and the audit log’s entries', async () => {
    const built = await buildWorkbench();
    await built.storage.dossiers.create({ formId: 'to-khai-ket-hon', values: {}, channel: 'kiosk' });
    await built.storage.tickets.create({ topic: 'dang-ky-ket-hon' });
    await built.storage.audit.add({ actor: 'admin', action: 'revision.draft', targetKind: 'entry', targetId: 'dang-ky-khai-sinh' });
    const { dossiers } = await built.editor.json<{ dossiers: { formId: string; formTitle: string }[] }>('GET', '/dossiers');
    expect(dossiers).toEqual([expect.objectContaining({ formId: 'to-khai-ket-hon', formTitle: 'Tờ khai đăng ký kết hôn' })]);
    const { tickets } = await built.editor.json<{ tickets: { topic: string; topicTitle: string }[] }>('GET', '/tickets');
    expect(tickets).toEqual([expect.objectContaining({ topic: 'dang-ky-ket-hon', topicTitle: 'Đăng ký kết hôn' })]);
    const { events } = await built.admin.json<{ events: { targetId: string; targetTitle?: string }[] }>('GET', '/audit?action=revision.draft');
    expect(events).toEqual([expect.objectContaining({ targetId: 'dang-ky-khai-sinh', targetTitle: 'Đăng ký khai sinh' })]);
  });

  it('is purged with the conversations’ retention (the purge main.ts schedules)', async () => {
    const built = await buildWorkbench();
    const res = await postCallback(built, { name: 'Trần Văn Bình', phone: '0912345678', consent: true });
    expect(res.status).toBe(201);
    expect((await built.storage.retention.purgeOlderThan({ conversationsDays: 1 })).callbacks).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A period of 0 days: everything made before now goes, as a 30-day period does after 30 days (contract suite).
    const counts = await built.storage.retention.purgeOlderThan({ conversationsDays: 0 });
    expect(counts.callbacks).toBe(1);
    expect(await built.storage.callbacks.list()).toEqual([]);
  });
});
