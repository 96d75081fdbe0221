import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageFaults } from '../../../src/storage/sqlite/index.js';
import type { CreateRevisionInput, Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, countRows, sqliteError } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const clock = buildClock();
const faultyOps = new Set<string>();
const seenOps: string[] = [];
const faults: StorageFaults = {
  beforeWrite: (op) => {
    seenOps.push(op);
    if (faultyOps.has(op)) throw sqliteError('SQLITE_READONLY', 'attempt to write a readonly database');
  },
};
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;
let editorId: string;
let approverId: string;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  faultyOps.clear();
  seenOps.length = 0;
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now, faults }));
  ({ id: editorId } = await storage.officials.create({ username: 'lan', displayName: 'Lan', role: 'editor', passwordHash: 'h' }));
  ({ id: approverId } = await storage.officials.create({ username: 'minh', displayName: 'Minh', role: 'approver', passwordHash: 'h' }));
});
afterEach(() => cleanup());

const entry = (fee: string) => ({ id: 'dang-ky-khai-sinh', title: 'Đăng ký khai sinh', fee, steps: ['Nộp tờ khai', 'Nhận kết quả'] });

/** A draft of the birth-registration entry (or `input.targetId`) by the editor. */
function draft(input: Partial<CreateRevisionInput> = {}) {
  return storage.revisions.createDraft({
    targetKind: 'entry',
    targetId: 'dang-ky-khai-sinh',
    content: entry('Miễn phí'),
    authorId: editorId,
    ...input,
  });
}

describe('revisions', () => {
  it('takes a draft from the shipped file through publishing to current', async () => {
    const first = await draft({ note: 'phí mới theo Nghị quyết 12/2026' });
    expect(first).toMatchObject({
      targetKind: 'entry',
      targetId: 'dang-ky-khai-sinh',
      number: 1,
      status: 'draft',
      content: entry('Miễn phí'),
      baseRevisionId: undefined,
      note: 'phí mới theo Nghị quyết 12/2026',
      authorId: editorId,
      publishedBy: undefined,
      publishedAt: undefined,
    });
    expect(first.createdAt).toEqual(clock.now());
    expect((await storage.revisions.listDrafts()).map((r) => r.id)).toEqual([first.id]);
    expect(await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toBeUndefined();

    clock.advanceDays(1);
    const published = await storage.revisions.publish(first.id, approverId);
    expect(published).toMatchObject({ id: first.id, status: 'published', publishedBy: approverId, publishedAt: clock.now() });
    expect(await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toEqual(published);
    expect(await storage.revisions.get(first.id)).toEqual(published);
    expect(await storage.revisions.listDrafts()).toEqual([]);

    const second = await draft({ content: entry('50.000 đồng'), baseRevisionId: first.id });
    expect(second).toMatchObject({ number: 2, baseRevisionId: first.id });
    expect((await storage.revisions.publish(second.id, approverId)).status).toBe('published');
    expect((await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh'))?.id).toBe(second.id);
    expect((await storage.revisions.listForTarget('entry', 'dang-ky-khai-sinh')).map((r) => [r.number, r.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(await storage.revisions.get('nope')).toBeUndefined();
  });

  it('supersedes older open drafts of the same target only', async () => {
    const older = await draft();
    const elsewhere = await draft({ targetId: 'dang-ky-ket-hon' });
    clock.advanceDays(0.01);
    const newer = await draft({ content: entry('10.000 đồng') });
    expect(newer.number).toBe(2);
    expect((await storage.revisions.get(older.id))?.status).toBe('superseded');
    expect((await storage.revisions.listDrafts()).map((r) => r.id)).toEqual([elsewhere.id, newer.id]);
    expect(elsewhere.number).toBe(1);
    await expect(asClientSees(storage.revisions.publish(older.id, approverId))).rejects.toMatchObject({ code: 'revision_not_draft', status: 409 });
  });

  it('refuses a draft from a stale base with 409 stale_revision and writes nothing', async () => {
    const first = await draft();
    await storage.revisions.publish(first.id, approverId);
    const open = await draft({ baseRevisionId: first.id });

    const stale = draft({ content: entry('sửa từ bản cũ') }); // still based on the shipped file
    await expect(asClientSees(stale)).rejects.toMatchObject({ status: 409, code: 'stale_revision' });
    await expect(asClientSees(stale)).rejects.toThrow(/vừa được người khác xuất bản/);
    await expect(draft({ baseRevisionId: 'unknown' })).rejects.toMatchObject({ code: 'stale_revision' });
    expect(countRows(file, 'revisions')).toBe(2);
    expect((await storage.revisions.get(open.id))?.status).toBe('draft');
  });

  it('refuses to publish a draft whose rival from the same base was published first (stale_revision)', async () => {
    const base = await draft();
    await storage.revisions.publish(base.id, approverId);
    const mine = await draft({ content: entry('A'), baseRevisionId: base.id });
    const theirs = await draft({ content: entry('B'), baseRevisionId: base.id });
    await storage.revisions.publish(theirs.id, approverId);

    await expect(asClientSees(storage.revisions.publish(mine.id, approverId))).rejects.toMatchObject({ code: 'stale_revision', status: 409 });
    expect((await storage.revisions.get(mine.id))?.status).toBe('superseded');
    expect((await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh'))?.content).toEqual(entry('B'));
  });

  it('discards open drafts; publishing or discarding anything but an open draft is revision_not_draft', async () => {
    const published = await draft();
    await storage.revisions.publish(published.id, approverId);
    const thrown = await draft({ baseRevisionId: published.id });
    expect((await storage.revisions.discard(thrown.id)).status).toBe('discarded');
    expect(await storage.revisions.listDrafts()).toEqual([]);

    for (const id of [published.id, thrown.id]) {
      await expect(asClientSees(storage.revisions.publish(id, approverId))).rejects.toMatchObject({ code: 'revision_not_draft', status: 409 });
      await expect(storage.revisions.discard(id)).rejects.toMatchObject({ code: 'revision_not_draft' });
    }
    await expect(asClientSees(storage.revisions.publish('nope', approverId))).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(storage.revisions.discard('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(draft({ authorId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh'))?.id).toBe(published.id);
  });

  it('publishes a rollback to the shipped file as null content, which becomes the base of the next edit', async () => {
    const edited = await draft();
    await storage.revisions.publish(edited.id, approverId);
    const rollback = await draft({ content: null, baseRevisionId: edited.id, restoresRevisionId: 'baseline', note: 'về bản gốc' });
    expect(rollback).toMatchObject({ content: null, restoresRevisionId: 'baseline' });
    await storage.revisions.publish(rollback.id, approverId);

    const current = await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh');
    expect(current).toMatchObject({ id: rollback.id, content: null, status: 'published' });
    await expect(draft({ baseRevisionId: edited.id })).rejects.toMatchObject({ code: 'stale_revision' });
    await expect(draft()).rejects.toMatchObject({ code: 'stale_revision' });

    const restore = await draft({ content: edited.content, baseRevisionId: rollback.id, restoresRevisionId: edited.id });
    await storage.revisions.publish(restore.id, approverId);
    expect(await storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toMatchObject({
      content: entry('Miễn phí'),
      restoresRevisionId: edited.id,
      number: 3,
    });
  });

  it('lists the current publication of every target of a kind, even when publications share a timestamp', async () => {
    const publish = async (targetKind: 'entry' | 'ward-settings', targetId: string, content: unknown) => {
      const base = await storage.revisions.currentPublished(targetKind, targetId);
      const created = await storage.revisions.createDraft({ targetKind, targetId, content, baseRevisionId: base?.id, authorId: editorId });
      return storage.revisions.publish(created.id, approverId);
    };
    await publish('entry', 'b-thu-tuc', { v: 1 });
    await publish('entry', 'a-thu-tuc', { v: 1 });
    const aCurrent = await publish('entry', 'a-thu-tuc', { v: 2 });
    const bCurrent = await storage.revisions.currentPublished('entry', 'b-thu-tuc');
    await draft({ targetId: 'c-chi-co-ban-nhap' });
    const ward = await publish('ward-settings', 'ward', { name: 'Phường Bến Nghé' });

    expect(await storage.revisions.listCurrentPublished('entry')).toEqual([aCurrent, bCurrent]);
    expect(await storage.revisions.listCurrentPublished('ward-settings')).toEqual([ward]);
    expect(await storage.revisions.currentPublished('ward-settings', 'ward')).toEqual(ward);
  });

  it('rolls a publish back together with its audit event when the transaction callback throws', async () => {
    const pending = await draft();
    const boom = new Error('audit said no');
    await expect(
      storage.transaction(async (tx) => {
        await tx.audit.add({ officialId: approverId, actor: 'minh', action: 'revision.publish', targetId: pending.targetId });
        await tx.revisions.publish(pending.id, approverId);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await storage.revisions.get(pending.id))?.status).toBe('draft');
    expect(await storage.audit.list()).toEqual([]);
    expect(await storage.revisions.currentPublished('entry', pending.targetId)).toBeUndefined();

    await storage.transaction(async (tx) => {
      await tx.revisions.publish(pending.id, approverId);
      await tx.audit.add({ officialId: approverId, actor: 'minh', action: 'revision.publish', targetId: pending.targetId });
    });
    expect((await storage.revisions.get(pending.id))?.status).toBe('published');
    expect(await storage.audit.list()).toHaveLength(1);
  });

  it('names its writes for the fault hook; a read-only disk leaves the draft a draft (storage_unavailable)', async () => {
    const pending = await draft();
    faultyOps.add('revisions.publish');
    await expect(asClientSees(storage.revisions.publish(pending.id, approverId))).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
    expect((await storage.revisions.get(pending.id))?.status).toBe('draft');
    faultyOps.clear();
    await storage.revisions.discard(pending.id);
    expect(seenOps).toEqual(['officials.create', 'officials.create', 'revisions.createDraft', 'revisions.publish', 'revisions.discard']);
  });
});
