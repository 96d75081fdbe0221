import { describe, expect, it } from 'vitest';
import { SUGGESTION_FLOOR } from '../../../src/retrieval/search/relevance.js';
import { wardDayOf } from '../../../src/shared/ward-time.js';
import { ask, buildWorkbench } from './admin-test-kit.js';

type Groups = { groups: { key: string; label: string; count: number; gapIds: string[]; suggestions: { id: string }[] }[] };

describe('gaps inbox, feedback and dashboard', () => {
  it('groups the same unanswered question, attaches it as an alias, and the question is then answered', async () => {
    const { app, editor, approver, storage } = await buildWorkbench();
    const question = 'xin xác nhận đơn vay vốn ngân hàng chính sách';
    expect((await ask(app, question)).kind).toBe('fallback');
    expect((await ask(app, 'xac nhan don vay von ngan hang chinh sach o phuong')).kind).toBe('fallback');
    expect((await ask(app, 'giấy phép nuôi chó')).kind).toBe('fallback');

    const inbox = await editor.json<Groups>('GET', '/gaps/groups');
    const group = inbox.groups.find((g) => g.label.includes('vay von') || g.label.includes('vay vốn'));
    expect(group?.count).toBe(2);
    expect(inbox.groups).toHaveLength(2);

    // An editor may only propose; publishing at once needs an approver.
    const refused = await editor.request('POST', '/gaps/attach', { gapIds: group!.gapIds, entryId: 'xac-nhan-thong-tin-cu-tru', aliases: [question], publish: true });
    expect(refused.status).toBe(403);
    const attached = await approver.json<{ published: boolean; reindexed: { changed: string[] } }>('POST', '/gaps/attach', { gapIds: group!.gapIds, entryId: 'xac-nhan-thong-tin-cu-tru', aliases: [question], publish: true }, 201);
    expect(attached.published).toBe(true);
    expect(attached.reindexed.changed).toContain('xac-nhan-thong-tin-cu-tru');

    const now = await ask(app, question);
    expect(now.kind).toBe('answer');
    expect(now.entryId).toBe('xac-nhan-thong-tin-cu-tru');
    expect((await editor.json<Groups>('GET', '/gaps/groups')).groups).toHaveLength(1);
    expect((await storage.gaps.list({ status: 'attached' })).length).toBe(2);

    const other = (await editor.json<Groups>('GET', '/gaps/groups')).groups[0]!;
    expect(await editor.json('POST', '/gaps/dismiss', { gapIds: other.gapIds }, 200)).toEqual({ dismissed: 1 });
    expect((await editor.json<Groups>('GET', '/gaps/groups')).groups).toEqual([]);
  });

  it("suggests for a gap only entries above the chat's relevance floor, and none when nothing is close", async () => {
    const { app, editor } = await buildWorkbench();
    const unrelated = 'làm lại giấy tờ nhà bị cháy';
    const close = 'xin giấy xác nhận độc thân để vay vốn';
    expect((await ask(app, unrelated)).kind).toBe('fallback');
    await ask(app, close);
    const groups = (await editor.json<Groups>('GET', '/gaps/groups')).groups;
    // Retrieval's closest entries for the unrelated question all stay under the floor: none is suggested.
    const search = async (q: string) => ((await (await app.request(`http://localhost/api/search?q=${encodeURIComponent(q)}&k=3`)).json()) as { results: { id: string; coverage?: number }[] }).results;
    expect((await search(unrelated)).length).toBeGreaterThan(0);
    expect(groups.find((g) => g.label === unrelated)?.suggestions).toEqual([]);
    const suggested = groups.find((g) => g.label === close)?.suggestions ?? [];
    expect(suggested[0]?.id).toBe('xac-nhan-tinh-trang-hon-nhan');
    const coverage = new Map((await search(close)).map((r) => [r.id, r.coverage ?? 0]));
    for (const { id } of suggested) expect(coverage.get(id)).toBeGreaterThanOrEqual(SUGGESTION_FLOOR);
  });

  it('shows thumbs-down feedback with its comment and what the answer cited', async () => {
    const { app, editor } = await buildWorkbench();
    const res = await app.request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text: 'đăng ký tạm trú' } }) });
    const body = (await res.json()) as { sessionId: string; frames: { type: string; messageId?: string }[] };
    const messageId = body.frames.find((f) => f.type === 'answer')?.messageId;
    await app.request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: body.sessionId, frame: { type: 'feedback', messageId, rating: 'down', comment: 'Thiếu giấy tờ cho người thuê nhà' } }) });
    const list = await editor.json<{ feedback: { rating: string; comment: string; citations: { id: string }[] }[] }>('GET', '/feedback?rating=down');
    expect(list.feedback).toEqual([expect.objectContaining({ rating: 'down', comment: 'Thiếu giấy tờ cho người thuê nhà', citations: [expect.objectContaining({ id: 'dang-ky-tam-tru' })] })]);
  });

  it('reports usage per ward day with the answer rate and top procedures, and as CSV', async () => {
    const { editor, storage } = await buildWorkbench();
    await storage.usage.record([{ metric: 'question', count: 4 }, { metric: 'answered', count: 3 }, { metric: 'declined' }, { metric: 'procedure', key: 'dang-ky-khai-sinh', count: 2 }, { metric: 'procedure', key: 'dang-ky-tam-tru' }, { metric: 'handover' }, { metric: 'dossier' }]);
    const today = wardDayOf(new Date());
    const stats = await editor.json<{ from: string; to: string; days: { day: string; questions: number; answerRate: number; handovers: number; dossiers: number }[]; topProcedures: { id: string; title: string; count: number }[] }>('GET', '/stats');
    expect(stats.to).toBe(today);
    expect(stats.days).toHaveLength(30);
    expect(stats.days.at(-1)).toMatchObject({ day: today, questions: 4, answerRate: 0.75, handovers: 1, dossiers: 1 });
    expect(stats.topProcedures[0]).toEqual({ id: 'dang-ky-khai-sinh', title: 'Đăng ký khai sinh', count: 2 });
    const csv = await editor.request('GET', `/stats.csv?from=${today}&to=${today}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('Ngày,Câu hỏi')).toBe(true);
    expect(text).toContain(`${today},4,3,1,0.75,1,1,0,0`);
    expect((await editor.request('GET', '/stats?from=2026-12-01&to=2026-01-01')).status).toBe(400);
  });
});
