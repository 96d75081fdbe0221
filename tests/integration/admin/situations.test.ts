import { describe, expect, it } from 'vitest';
import { KnowledgeWorkbench } from '../../../src/admin/knowledge/workbench.js';
import type { Situation } from '../../../src/knowledge/situation-schema.js';
import { loadCuratedEntries, loadShippedSituations } from '../../helpers/chat-server.js';
import { buildSituation } from '../../helpers/knowledge.js';
import { ask, buildWorkbench } from './admin-test-kit.js';

type SituationView = { situation: Situation; baseline: Situation | null; currentRevisionId: string | null; draft: { id: string } | null; revisions: { id: string; status: string }[] };
type Saved = { revision: { id: string; status: string; targetKind: string }; diff: { path: string; change: string }[] };

/** Two shipped situations over curated entries, so that every procedure exists in the test's knowledge. */
const birth = buildSituation({ procedures: [{ id: 'dang-ky-khai-sinh' }, { id: 'lien-thong-khai-sinh-thuong-tru-bhyt' }] });
const moving = buildSituation({
  id: 'chuyen-noi-o',
  title: { vi: 'Chuyển đến nơi ở mới', en: 'Moving house' },
  intro: { vi: 'Khi chuyển đến nơi ở mới, bạn có thể cần:', en: 'When you move to a new home, you may need:' },
  triggers: { vi: ['mới chuyển đến', 'moi chuyen den', 'chuyển nhà'], en: ['moved here'] },
  procedures: [{ id: 'dang-ky-thuong-tru' }, { id: 'dang-ky-tam-tru' }],
});

describe('life situations in the workbench', () => {
  it('drafts, publishes and rolls back a situation; the chat’s getter follows each publish', async () => {
    const { editor, approver, admin, workbench, storage } = await buildWorkbench({ situations: [birth, moving] });
    const list = await editor.json<{ situations: { id: string; title: string; procedures: number; edited: boolean; draft: boolean }[] }>('GET', '/knowledge/situations');
    expect(list.situations).toEqual([
      { id: 'chuyen-noi-o', title: 'Chuyển đến nơi ở mới', procedures: 2, verified: false, edited: false, draft: false },
      { id: 'sinh-con', title: 'Sinh con', procedures: 2, verified: false, edited: false, draft: false },
    ]);
    const view = await editor.json<SituationView>('GET', '/knowledge/situations/sinh-con');
    expect(view.situation).toEqual(birth);
    expect(view.baseline).toEqual(birth);

    const edited: Situation = {
      ...view.situation,
      intro: { vi: 'Chúc mừng gia đình! Bạn có thể cần:', en: 'Congratulations! You may need:' },
      procedures: [...view.situation.procedures, { id: 'dang-ky-nhan-cha-me-con', when: { vi: 'Cha mẹ chưa kết hôn', en: 'The parents are not married' } }],
    };
    const saved = await editor.json<Saved>('POST', '/knowledge/situations/sinh-con/drafts', { content: edited, baseRevisionId: null, note: 'thêm nhận cha con' }, 201);
    expect(saved.revision).toMatchObject({ status: 'draft', targetKind: 'situation' });
    expect(saved.diff.map((d) => d.path)).toEqual(expect.arrayContaining(['intro.vi', 'procedures.2']));
    // A draft changes nothing for citizens; a situation is not stamped with updatedAt.
    expect(workbench.situation('sinh-con')).toEqual(birth);
    const queue = await approver.json<{ revisions: { id: string; title: string; targetKind: string }[] }>('GET', '/revisions?status=draft');
    expect(queue.revisions).toEqual([expect.objectContaining({ id: saved.revision.id, title: 'Sinh con', targetKind: 'situation' })]);
    expect((await editor.json<{ situations: { id: string; draft: boolean }[] }>('GET', '/knowledge/situations')).situations.find((s) => s.id === 'sinh-con')?.draft).toBe(true);

    // Only an approver publishes.
    expect((await editor.request('POST', `/revisions/${saved.revision.id}/publish`)).status).toBe(403);
    const published = await approver.json<{ revision: { status: string }; reindexed?: unknown }>('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    expect(published.revision.status).toBe('published');
    expect(published.reindexed).toBeUndefined();
    expect(workbench.situations().find((s) => s.id === 'sinh-con')).toEqual(edited);
    expect(workbench.situations().map((s) => s.id)).toEqual(['sinh-con', 'chuyen-noi-o']);
    const after = await editor.json<SituationView>('GET', '/knowledge/situations/sinh-con');
    expect(after.currentRevisionId).toBe(saved.revision.id);
    expect(after.baseline).toEqual(birth);

    expect((await editor.request('POST', '/knowledge/situations/sinh-con/rollback', { to: 'baseline', baseRevisionId: saved.revision.id })).status).toBe(403);
    await approver.json('POST', '/knowledge/situations/sinh-con/rollback', { to: 'baseline', baseRevisionId: saved.revision.id, note: 'quay lại' }, 201);
    expect(workbench.situation('sinh-con')).toEqual(birth);

    const audit = await admin.json<{ events: { action: string; targetKind?: string }[] }>('GET', '/audit?targetId=sinh-con');
    expect(audit.events.map((e) => [e.action, e.targetKind])).toEqual([
      ['revision.rollback', 'situation'],
      ['revision.publish', 'situation'],
      ['revision.draft', 'situation'],
    ]);
    expect((await storage.revisions.listForTarget('situation', 'sinh-con')).map((r) => r.status)).toEqual(['published', 'published']);
  });

  it('the chat’s very next checklist uses the published situation', async () => {
    const { app, editor, approver } = await buildWorkbench({ situations: [birth] });
    const before = await ask(app, 'vợ tôi mới sinh em bé hôm qua');
    expect(before.text).toContain(birth.intro.vi);
    const content = { ...birth, intro: { vi: 'Chúc mừng gia đình! Bạn có thể cần:', en: 'Congratulations! You may need:' } };
    const saved = await editor.json<Saved>('POST', '/knowledge/situations/sinh-con/drafts', { content, baseRevisionId: null }, 201);
    expect((await ask(app, 'vợ tôi mới sinh em bé hôm qua')).text).toContain(birth.intro.vi);
    await approver.json('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    expect((await ask(app, 'vợ tôi mới sinh em bé hôm qua')).text).toContain('Chúc mừng gia đình! Bạn có thể cần:');
  });

  it('another instance on the same database serves the publish once told (what the publish feed triggers)', async () => {
    const { editor, approver, workbench, storage, logger } = await buildWorkbench({ situations: [birth] });
    const other = await KnowledgeWorkbench.open({ storage, baselineEntries: workbench.entries(), baselineWard: workbench.ward(), baselineSituations: [birth], logger });
    const content = { ...birth, verified: true };
    const saved = await editor.json<Saved>('POST', '/knowledge/situations/sinh-con/drafts', { content, baseRevisionId: null }, 201);
    await approver.json('POST', `/revisions/${saved.revision.id}/publish`, undefined, 200);
    expect(other.situation('sinh-con')?.verified).toBe(false);
    await other.refreshTarget('situation', 'sinh-con');
    expect(other.situation('sinh-con')?.verified).toBe(true);
    // …and a fresh start lays the published revision over the shipped file.
    const restarted = await KnowledgeWorkbench.open({ storage, baselineEntries: workbench.entries(), baselineWard: undefined, baselineSituations: [birth], logger });
    expect(restarted.situations()).toEqual([content]);
  });

  it('refuses a procedure no entry has, a changed id and a broken field with 400 naming the field; an unknown situation is 404', async () => {
    const { editor, storage } = await buildWorkbench({ situations: [birth] });
    const send = (content: unknown, id = 'sinh-con') => editor.request('POST', `/knowledge/situations/${id}/drafts`, { content, baseRevisionId: null });
    const fields = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string; message: string }[] }).errors;
    };
    const unknown = await fields(await send({ ...birth, procedures: [...birth.procedures, { id: 'khong-co' }, { id: 'dang-ky-khai-sinh' }] }));
    expect(unknown).toEqual([
      { field: 'content.procedures.2.id', message: expect.stringContaining('khong-co') },
      { field: 'content.procedures.3.id', message: expect.stringContaining('đã có') },
    ]);
    expect((await fields(await send({ ...birth, id: 'ket-hon' }))).map((e) => e.field)).toEqual(['content.id']);
    expect((await fields(await send({ ...birth, triggers: { vi: ['sinh con'], en: [] }, updatedAt: '2026-01-01' }))).map((e) => e.field)).toEqual(
      expect.arrayContaining(['content.triggers.vi', 'content.triggers.en', 'content.(root)']),
    );
    expect((await send(birth, 'khong-co')).status).toBe(404);
    expect((await editor.request('GET', '/knowledge/situations/khong-co')).status).toBe(404);
    expect(await storage.revisions.listDrafts()).toEqual([]);
  });

  it('gives the workbench a JSON Schema for the situation form', async () => {
    const { editor } = await buildWorkbench({ situations: [birth] });
    const schemas = await editor.json<{ situation: { type: string; required: string[]; properties: Record<string, unknown> } }>('GET', '/knowledge/schema');
    expect(schemas.situation.type).toBe('object');
    expect(Object.keys(schemas.situation.properties)).toEqual(['id', 'title', 'intro', 'triggers', 'procedures', 'verified']);
  });

  it('serves the shipped situations, keeping only procedures among the loaded entries', async () => {
    const { workbench } = await buildWorkbench({ situations: await loadShippedSituations(await loadCuratedEntries()) });
    const ids = new Set(workbench.entries().map((e) => e.id));
    expect(workbench.situations().length).toBeGreaterThanOrEqual(16);
    for (const situation of workbench.situations()) for (const { id } of situation.procedures) expect(ids.has(id), id).toBe(true);
  });
});
