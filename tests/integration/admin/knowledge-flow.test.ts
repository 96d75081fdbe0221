import { describe, expect, it } from 'vitest';
import { KnowledgeWorkbench } from '../../../src/admin/knowledge/workbench.js';
import { EntrySchema, type Entry } from '../../../src/knowledge/schema.js';
import { loadCuratedEntries } from '../../helpers/chat-server.js';
import { buildCatalogueEntry } from '../../helpers/knowledge.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { ask, buildWorkbench } from './admin-test-kit.js';

type EntryView = { entry: Entry; baseline: Entry | null; currentRevisionId: string | null; draft: { id: string } | null; revisions: { id: string; status: string; number: number }[] };
type Saved = { revision: { id: string; status: string; number: number }; diff: { path: string; change: string; before?: unknown; after?: unknown }[] };

function withFee(entry: Entry, text: string, amountVnd: number): Entry {
  return { ...entry, channels: entry.channels.map((channel, i) => (i === 0 ? { ...channel, fee: { text, amountVnd } } : channel)) };
}

describe('knowledge editing: draft → publish → rollback, live', () => {
  it('publishes a new fee that the very next citizen is told, and rolls it back', async () => {
    const { app, editor, approver, admin, storage } = await buildWorkbench();
    const before = await ask(app, 'lệ phí đăng ký khai sinh');
    expect(before.entryId).toBe('dang-ky-khai-sinh');
    expect(before.text).not.toContain('12.345');

    const view = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    expect(view.currentRevisionId).toBeNull();
    const saved = await editor.json<Saved>('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: withFee(view.entry, 'Lệ phí 12.345 đồng', 12345), baseRevisionId: null, note: 'thử nghiệm' }, 201);
    expect(saved.revision.status).toBe('draft');
    expect(saved.diff).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'channels.0.fee.text', change: 'changed', after: 'Lệ phí 12.345 đồng' })]));

    // A draft changes nothing for citizens.
    expect((await ask(app, 'lệ phí đăng ký khai sinh')).text).not.toContain('12.345');
    const queue = await approver.json<{ revisions: { id: string; title: string; changes: number }[] }>('GET', '/revisions?status=draft');
    expect(queue.revisions).toEqual([expect.objectContaining({ id: saved.revision.id, changes: expect.any(Number) })]);
    const detail = await approver.json<{ diff: { path: string }[] }>('GET', `/revisions/${saved.revision.id}`);
    expect(detail.diff.map((d) => d.path)).toContain('channels.0.fee.amountVnd');

    const published = await approver.json<{ revision: { status: string }; reindexed: { changed: string[] } }>('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    expect(published.revision.status).toBe('published');
    expect(published.reindexed.changed).toContain('dang-ky-khai-sinh');
    const after = await ask(app, 'lệ phí đăng ký khai sinh');
    expect(after.text).toContain('12.345');
    expect(after.citations[0]?.id).toBe('dang-ky-khai-sinh');

    const history = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    expect(history.currentRevisionId).toBe(saved.revision.id);
    expect(history.revisions.map((r) => r.status)).toEqual(['published']);

    const rollback = await approver.json<{ revision: { id: string; status: string } }>('POST', '/knowledge/entries/dang-ky-khai-sinh/rollback', { to: 'baseline', baseRevisionId: saved.revision.id, note: 'quay lại' }, 201);
    expect(rollback.revision.status).toBe('published');
    expect((await ask(app, 'lệ phí đăng ký khai sinh')).text).not.toContain('12.345');
    const restored = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    expect(restored.entry).toEqual(restored.baseline);
    expect(restored.revisions).toHaveLength(2);

    // …and forward again to the published revision.
    await approver.json('POST', '/knowledge/entries/dang-ky-khai-sinh/rollback', { to: saved.revision.id, baseRevisionId: rollback.revision.id }, 201);
    expect((await ask(app, 'lệ phí đăng ký khai sinh')).text).toContain('12.345');

    const audit = await admin.json<{ events: { action: string; actor: string; before?: unknown; after?: unknown }[] }>('GET', '/audit?targetId=dang-ky-khai-sinh');
    expect(audit.events.map((e) => e.action)).toEqual(['revision.rollback', 'revision.rollback', 'revision.publish', 'revision.draft']);
    const publish = audit.events.find((e) => e.action === 'revision.publish');
    expect(publish?.actor).toBe('approver');
    expect(JSON.stringify(publish?.before)).not.toContain('12.345');
    expect(JSON.stringify(publish?.after)).toContain('12.345');
    expect(await storage.revisions.listDrafts()).toEqual([]);
  });

  it('answers a stale edit with 409 and the newer content, saves nothing, and accepts the edit rebased', async () => {
    const { editor, approver, storage } = await buildWorkbench();
    const seenByEditor = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-ket-hon');
    const seenByApprover = await approver.json<EntryView>('GET', '/knowledge/entries/dang-ky-ket-hon');
    const first = await approver.json<Saved>('POST', '/knowledge/entries/dang-ky-ket-hon/drafts', { content: { ...seenByApprover.entry, notes: ['Mang theo ảnh cưới không bắt buộc.'] }, baseRevisionId: null }, 201);
    await approver.json('POST', `/revisions/${first.revision.id}/publish`, undefined, 200);

    const mine = { ...seenByEditor.entry, notes: ['Hai bên nam nữ cùng có mặt.'] };
    const stale = await editor.request('POST', '/knowledge/entries/dang-ky-ket-hon/drafts', { content: mine, baseRevisionId: null });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string }; current: { revisionId: string; content: Entry } };
    expect(body.error.code).toBe('stale_revision');
    expect(body.current.revisionId).toBe(first.revision.id);
    expect(body.current.content.notes).toEqual(['Mang theo ảnh cưới không bắt buộc.']);
    expect((await storage.revisions.listForTarget('entry', 'dang-ky-ket-hon')).map((r) => r.status)).toEqual(['published']);

    const rebased = await editor.json<Saved>('POST', '/knowledge/entries/dang-ky-ket-hon/drafts', { content: { ...mine, notes: [...body.current.content.notes, ...mine.notes] }, baseRevisionId: body.current.revisionId }, 201);
    expect(rebased.diff).toEqual([expect.objectContaining({ path: 'notes.1', change: 'added', after: 'Hai bên nam nữ cùng có mặt.' })]);
  });

  it('refuses a draft that breaks the schema with 400 naming the field', async () => {
    const { editor } = await buildWorkbench();
    const view = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    const res = await editor.request('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: { ...view.entry, channels: [{ kind: 'qua-bo-cau' }], levels: [] }, baseRevisionId: null });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['content.channels.0.kind', 'content.levels']));
    const renamed = await editor.request('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: { ...view.entry, id: 'dang-ky-ket-hon' }, baseRevisionId: null });
    expect(renamed.status).toBe(400);
    expect((await editor.request('POST', '/knowledge/entries/khong-ton-tai/drafts', { content: { ...view.entry, id: 'khong-ton-tai' }, baseRevisionId: null })).status).toBe(404);
  });

  it('keeps an official\u2019s published edit over a changed shipped file (upgrade or re-import)', async () => {
    const { editor, approver, storage, workbench } = await buildWorkbench();
    const view = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    const saved = await editor.json<Saved>('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: withFee(view.entry, 'Lệ phí 9.000 đồng', 9000), baseRevisionId: null }, 201);
    await approver.json('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    // A new release ships a different version of the same file: the official's revision still wins.
    const upgraded = workbench.entries().map((entry) => (entry.id === 'dang-ky-khai-sinh' ? { ...view.entry, summary: { vi: 'Bản tóm tắt mới của bản phát hành sau.', en: 'New summary.' } } : entry));
    const restarted = await KnowledgeWorkbench.open({ storage, baselineEntries: upgraded, baselineWard: undefined, logger: buildSilentLogger() });
    expect(restarted.entry('dang-ky-khai-sinh')?.channels[0]?.fee?.text).toBe('Lệ phí 9.000 đồng');
  });

  it('edits the ward settings the same way and the next answer uses them', async () => {
    const { editor, approver, workbench } = await buildWorkbench();
    const view = await editor.json<{ settings: Record<string, unknown>; currentRevisionId: null }>('GET', '/ward-settings');
    expect(view.settings.example).toBe(true);
    const saved = await editor.json<Saved>('POST', '/ward-settings/drafts', { content: { ...view.settings, phone: '024 3825 1234', wardName: 'Phường Cửa Nam' }, baseRevisionId: null }, 201);
    await approver.json('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    expect(workbench.ward()).toMatchObject({ phone: '024 3825 1234', wardName: 'Phường Cửa Nam', example: false });
  });

  it('lists and searches entries with or without diacritics, marking edited ones and drafts', async () => {
    const { editor } = await buildWorkbench();
    const found = await editor.json<{ total: number; entries: { id: string; edited: boolean; draft: boolean }[] }>('GET', '/knowledge/entries?q=khai%20sinh');
    const plain = await editor.json<{ entries: { id: string }[] }>('GET', '/knowledge/entries?q=khai%20sinh');
    expect(found.entries.map((e) => e.id)).toContain('dang-ky-khai-sinh');
    expect(plain.entries.map((e) => e.id)).toEqual(found.entries.map((e) => e.id));
    const view = await editor.json<EntryView>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    await editor.json('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: view.entry, baseRevisionId: null }, 201);
    const again = await editor.json<{ entries: { id: string; draft: boolean }[] }>('GET', '/knowledge/entries?q=dang-ky-khai-sinh');
    expect(again.entries.find((e) => e.id === 'dang-ky-khai-sinh')?.draft).toBe(true);
    expect((await editor.request('GET', '/knowledge/entries?limit=9999')).status).toBe(400);
  });

  it('finds entries by a national code typed in a phrase (issue 19)', async () => {
    const { editor } = await buildWorkbench();
    const byCode = await editor.json<{ entries: { id: string }[] }>('GET', `/knowledge/entries?q=${encodeURIComponent('thủ tục 1.001193')}`);
    expect(byCode.entries.map((e) => e.id)).toContain('dang-ky-khai-sinh');
    expect(byCode.entries.every((e) => e.id === 'dang-ky-khai-sinh' || e.id === 'dvc-1.001193')).toBe(true);
  });

  it('says which curated entry answers for a catalogue record listed beside it', async () => {
    const entries = [...(await loadCuratedEntries()), EntrySchema.parse(buildCatalogueEntry('1.001193', { title: { vi: 'Đăng ký khai sinh' } }))];
    const { editor } = await buildWorkbench({ entries });
    const page = await editor.json<{ entries: { id: string; foldedInto?: string }[] }>('GET', `/knowledge/entries?q=${encodeURIComponent('1.001193')}`);
    const record = page.entries.find((e) => e.id === 'dvc-1.001193');
    expect(record?.foldedInto).toBe('dang-ky-khai-sinh');
    expect(page.entries.find((e) => e.id === 'dang-ky-khai-sinh')?.foldedInto).toBeUndefined();
  });
});
