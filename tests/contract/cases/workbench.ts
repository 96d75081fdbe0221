import { describe, expect, it } from 'vitest';
import type { CreateOfficialInput, CreateRevisionInput, Storage } from '../../../src/storage/types.js';
import { useContractStorage, type ContractFactory } from '../harness.js';
import { asClientSees } from '../../helpers/client-error.js';

const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA';
const entry = (fee: string) => ({ id: 'dang-ky-khai-sinh', title: 'Đăng ký khai sinh', fee, steps: ['Nộp tờ khai', 'Nhận kết quả'] });

/** Officials, their sessions, revisions, the audit log and usage counters. */
export function describeWorkbench(factory: ContractFactory): void {
  const seenOps: string[] = [];
  const faultyOps = new Set<string>();
  const scope = useContractStorage(factory, {
    options: () => {
      seenOps.length = 0;
      faultyOps.clear();
      return {
        faults: {
          beforeWrite: (op: string) => {
            seenOps.push(op);
            if (faultyOps.has(op)) throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
          },
        },
      };
    },
  });
  const official = (overrides: Partial<CreateOfficialInput> = {}) =>
    scope.storage.officials.create({ username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', role: 'editor', passwordHash: HASH, ...overrides });
  const inMinutes = (minutes: number) => new Date(scope.clock.now().getTime() + minutes * 60_000);

  describe('officials', () => {
    it('stores usernames trimmed and lower-cased, and finds them as typed', async () => {
      const created = await official({ username: '  Lan.Nguyen ' });
      expect(created).toMatchObject({ username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', role: 'editor', disabled: false, failedAttempts: 0 });
      expect(created.lockedUntil).toBeUndefined();
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(created.createdAt).toEqual(scope.clock.now());
      expect(created.passwordChangedAt).toEqual(scope.clock.now());
      expect(created).not.toHaveProperty('passwordHash');
      expect(await scope.storage.officials.findByUsername(' LAN.NGUYEN')).toMatchObject({ id: created.id, passwordHash: HASH });
      expect(await scope.storage.officials.findByUsername('lan')).toBeUndefined();
      expect(await scope.storage.officials.get(created.id)).toEqual(created);
      expect(await scope.storage.officials.get('nope')).toBeUndefined();
    });

    it('refuses a username that exists in another case with 409 username_taken, writing nothing', async () => {
      await official({ username: 'admin', role: 'admin' });
      const duplicate = official({ username: ' ADMIN ', displayName: 'Kẻ khác' });
      await expect(asClientSees(duplicate)).rejects.toMatchObject({ status: 409, code: 'username_taken' });
      expect(await scope.storage.officials.count()).toBe(1);
      expect((await scope.storage.officials.findByUsername('admin'))?.displayName).toBe('Nguyễn Thị Lan');
      // Inside a transaction the refusal leaves the transaction usable.
      const id = await scope.storage.transaction(async (tx) => {
        await expect(tx.officials.create({ username: 'ADMIN', displayName: 'x', role: 'editor', passwordHash: 'h' })).rejects.toMatchObject({
          code: 'username_taken',
        });
        return (await tx.officials.create({ username: 'minh', displayName: 'Minh', role: 'editor', passwordHash: 'h' })).id;
      });
      expect((await scope.storage.officials.get(id))?.username).toBe('minh');
    });

    it('lists accounts by username and counts them', async () => {
      expect(await scope.storage.officials.count()).toBe(0);
      await official({ username: 'minh' });
      await official({ username: 'an', role: 'approver' });
      await official({ username: 'Z.admin', role: 'admin' });
      expect((await scope.storage.officials.list()).map((o) => o.username)).toEqual(['an', 'minh', 'z.admin']);
      expect(await scope.storage.officials.count()).toBe(3);
    });

    it('counts failed log-ins, locks when asked, keeps a lock on a later failure, and clears both on success', async () => {
      const { id } = await official();
      expect(await scope.storage.officials.recordFailure(id)).toMatchObject({ failedAttempts: 1, lockedUntil: undefined });
      const lockUntil = new Date('2026-03-10T03:15:00.000Z');
      expect(await scope.storage.officials.recordFailure(id, lockUntil)).toMatchObject({ failedAttempts: 2, lockedUntil: lockUntil });
      expect(await scope.storage.officials.recordFailure(id)).toMatchObject({ failedAttempts: 3, lockedUntil: lockUntil });
      await scope.storage.officials.recordSuccess(id);
      expect(await scope.storage.officials.get(id)).toMatchObject({ failedAttempts: 0, lockedUntil: undefined });
      await expect(asClientSees(scope.storage.officials.recordFailure('nope'))).rejects.toMatchObject({ code: 'not_found', status: 404 });
      await expect(scope.storage.officials.recordSuccess('nope')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('updates fields; a new password hash also stamps passwordChangedAt and lifts a lock-out', async () => {
      const created = await official();
      await scope.storage.officials.recordFailure(created.id, new Date('2026-03-10T04:00:00.000Z'));
      scope.clock.advanceDays(1);
      const renamed = await scope.storage.officials.update(created.id, { displayName: 'Nguyễn Lan', role: 'approver', disabled: true });
      expect(renamed).toMatchObject({ displayName: 'Nguyễn Lan', role: 'approver', disabled: true, failedAttempts: 1 });
      expect(renamed.passwordChangedAt).toEqual(created.passwordChangedAt);
      expect(renamed.lockedUntil).toBeDefined();
      const reset = await scope.storage.officials.update(created.id, { passwordHash: 'scrypt$new', disabled: false });
      expect(reset).toMatchObject({ disabled: false, failedAttempts: 0, lockedUntil: undefined, role: 'approver', displayName: 'Nguyễn Lan' });
      expect(reset.passwordChangedAt).toEqual(scope.clock.now());
      expect((await scope.storage.officials.findByUsername('lan.nguyen'))?.passwordHash).toBe('scrypt$new');
      await expect(scope.storage.officials.update('nope', { role: 'admin' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('official sessions', () => {
    it('round-trips a session; expires it from its expiry on; never revives it on touch', async () => {
      const { id: officialId } = await official();
      const expiresAt = inMinutes(30);
      const session = await scope.storage.officialSessions.create({ tokenHash: 'a'.repeat(64), officialId, csrfToken: 'csrf-1', expiresAt });
      expect(session).toEqual({ tokenHash: 'a'.repeat(64), officialId, csrfToken: 'csrf-1', createdAt: scope.clock.now(), lastSeenAt: scope.clock.now(), expiresAt });
      expect(await scope.storage.officialSessions.get('a'.repeat(64))).toEqual(session);
      expect(await scope.storage.officialSessions.get('b'.repeat(64))).toBeUndefined();
      await expect(scope.storage.officialSessions.create({ tokenHash: 'c', officialId: 'nope', csrfToken: 'x', expiresAt })).rejects.toMatchObject({
        code: 'not_found',
      });

      scope.clock.set('2026-03-10T03:20:00.000Z');
      await scope.storage.officialSessions.touch('a'.repeat(64), inMinutes(30));
      scope.clock.set('2026-03-10T03:45:00.000Z');
      expect(await scope.storage.officialSessions.get('a'.repeat(64))).toMatchObject({
        lastSeenAt: new Date('2026-03-10T03:20:00.000Z'),
        expiresAt: new Date('2026-03-10T03:50:00.000Z'),
      });
      scope.clock.set('2026-03-10T03:49:59.999Z');
      expect(await scope.storage.officialSessions.get('a'.repeat(64))).toBeDefined();
      scope.clock.set('2026-03-10T03:50:00.000Z');
      await scope.storage.officialSessions.touch('a'.repeat(64), inMinutes(30));
      expect(await scope.storage.officialSessions.get('a'.repeat(64))).toBeUndefined();
      expect(await scope.countRows('official_sessions')).toBe(0);
      await scope.storage.officialSessions.touch('unknown', inMinutes(30));
    });

    it('logs out one session idempotently, every session of an official, and purges expired ones', async () => {
      const { id: officialId } = await official();
      const other = await official({ username: 'minh' });
      for (const tokenHash of ['1', '2', '3']) {
        await scope.storage.officialSessions.create({ tokenHash, officialId, csrfToken: 'x', expiresAt: inMinutes(30) });
      }
      await scope.storage.officialSessions.create({ tokenHash: '4', officialId: other.id, csrfToken: 'x', expiresAt: inMinutes(10) });
      await scope.storage.officialSessions.create({ tokenHash: '5', officialId: other.id, csrfToken: 'x', expiresAt: inMinutes(60) });
      await scope.storage.officialSessions.delete('1');
      await scope.storage.officialSessions.delete('1');
      expect(await scope.storage.officialSessions.get('1')).toBeUndefined();
      expect(await scope.storage.officialSessions.deleteForOfficial(officialId)).toBe(2);
      expect(await scope.storage.officialSessions.deleteForOfficial(officialId)).toBe(0);
      scope.clock.set('2026-03-10T03:10:00.000Z');
      expect(await scope.storage.officialSessions.purgeExpired()).toBe(1);
      expect(await scope.storage.officialSessions.purgeExpired()).toBe(0);
      expect(await scope.storage.officialSessions.get('5')).toBeDefined();
    });
  });

  describe('revisions', () => {
    let editorId = '';
    let approverId = '';
    const setUp = async () => {
      editorId = (await official({ username: 'lan' })).id;
      approverId = (await official({ username: 'minh', role: 'approver' })).id;
    };
    const draft = (input: Partial<CreateRevisionInput> = {}) =>
      scope.storage.revisions.createDraft({ targetKind: 'entry', targetId: 'dang-ky-khai-sinh', content: entry('Miễn phí'), authorId: editorId, ...input });

    it('takes a draft from the shipped file through publishing to current', async () => {
      await setUp();
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
      expect(first.createdAt).toEqual(scope.clock.now());
      expect((await scope.storage.revisions.listDrafts()).map((r) => r.id)).toEqual([first.id]);
      expect(await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toBeUndefined();
      scope.clock.advanceDays(1);
      const published = await scope.storage.revisions.publish(first.id, approverId);
      expect(published).toMatchObject({ id: first.id, status: 'published', publishedBy: approverId, publishedAt: scope.clock.now() });
      expect(await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toEqual(published);
      expect(await scope.storage.revisions.get(first.id)).toEqual(published);
      expect(await scope.storage.revisions.listDrafts()).toEqual([]);
      const second = await draft({ content: entry('50.000 đồng'), baseRevisionId: first.id });
      expect(second).toMatchObject({ number: 2, baseRevisionId: first.id });
      await scope.storage.revisions.publish(second.id, approverId);
      expect((await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh'))?.id).toBe(second.id);
      expect((await scope.storage.revisions.listForTarget('entry', 'dang-ky-khai-sinh')).map((r) => [r.number, r.status])).toEqual([
        [2, 'published'],
        [1, 'published'],
      ]);
      expect(await scope.storage.revisions.get('nope')).toBeUndefined();
    });

    it('supersedes older open drafts of the same target only', async () => {
      await setUp();
      const older = await draft();
      const elsewhere = await draft({ targetId: 'dang-ky-ket-hon' });
      scope.clock.advanceDays(0.01);
      const newer = await draft({ content: entry('10.000 đồng') });
      expect([newer.number, elsewhere.number]).toEqual([2, 1]);
      expect((await scope.storage.revisions.get(older.id))?.status).toBe('superseded');
      expect((await scope.storage.revisions.listDrafts()).map((r) => r.id)).toEqual([elsewhere.id, newer.id]);
      await expect(asClientSees(scope.storage.revisions.publish(older.id, approverId))).rejects.toMatchObject({ code: 'revision_not_draft', status: 409 });
    });

    it('refuses a stale draft or publication with 409 stale_revision and writes nothing', async () => {
      await setUp();
      const base = await draft();
      await scope.storage.revisions.publish(base.id, approverId);
      await expect(asClientSees(draft({ content: entry('từ bản cũ') }))).rejects.toMatchObject({ status: 409, code: 'stale_revision' });
      await expect(draft({ baseRevisionId: 'unknown' })).rejects.toMatchObject({ code: 'stale_revision' });
      expect(await scope.countRows('revisions')).toBe(1);
      const mine = await draft({ content: entry('A'), baseRevisionId: base.id });
      const theirs = await draft({ content: entry('B'), baseRevisionId: base.id });
      await scope.storage.revisions.publish(theirs.id, approverId);
      await expect(asClientSees(scope.storage.revisions.publish(mine.id, approverId))).rejects.toMatchObject({ code: 'stale_revision', status: 409 });
      expect((await scope.storage.revisions.get(mine.id))?.status).toBe('superseded');
      expect((await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh'))?.content).toEqual(entry('B'));
    });

    it('discards open drafts; publishing or discarding anything else is revision_not_draft or not_found', async () => {
      await setUp();
      const published = await draft();
      await scope.storage.revisions.publish(published.id, approverId);
      const thrown = await draft({ baseRevisionId: published.id });
      expect((await scope.storage.revisions.discard(thrown.id)).status).toBe('discarded');
      expect(await scope.storage.revisions.listDrafts()).toEqual([]);
      for (const id of [published.id, thrown.id]) {
        await expect(scope.storage.revisions.publish(id, approverId)).rejects.toMatchObject({ code: 'revision_not_draft' });
        await expect(scope.storage.revisions.discard(id)).rejects.toMatchObject({ code: 'revision_not_draft' });
      }
      await expect(asClientSees(scope.storage.revisions.publish('nope', approverId))).rejects.toMatchObject({ code: 'not_found', status: 404 });
      await expect(scope.storage.revisions.discard('nope')).rejects.toMatchObject({ code: 'not_found' });
      await expect(draft({ authorId: 'nope', baseRevisionId: published.id })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('publishes a rollback to the shipped file as null content, which becomes the base of the next edit', async () => {
      await setUp();
      const edited = await draft();
      await scope.storage.revisions.publish(edited.id, approverId);
      const rollback = await draft({ content: null, baseRevisionId: edited.id, restoresRevisionId: 'baseline', note: 'về bản gốc' });
      expect(rollback).toMatchObject({ content: null, restoresRevisionId: 'baseline' });
      await scope.storage.revisions.publish(rollback.id, approverId);
      expect(await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toMatchObject({ id: rollback.id, content: null });
      await expect(draft({ baseRevisionId: edited.id })).rejects.toMatchObject({ code: 'stale_revision' });
      await expect(draft()).rejects.toMatchObject({ code: 'stale_revision' });
      const restore = await draft({ content: edited.content, baseRevisionId: rollback.id, restoresRevisionId: edited.id });
      await scope.storage.revisions.publish(restore.id, approverId);
      expect(await scope.storage.revisions.currentPublished('entry', 'dang-ky-khai-sinh')).toMatchObject({
        content: entry('Miễn phí'),
        restoresRevisionId: edited.id,
        number: 3,
      });
    });

    it('lists the current publication of every target of a kind, even when publications share a timestamp', async () => {
      await setUp();
      const publish = async (targetKind: 'entry' | 'ward-settings', targetId: string, content: unknown) => {
        const base = await scope.storage.revisions.currentPublished(targetKind, targetId);
        const created = await scope.storage.revisions.createDraft({ targetKind, targetId, content, baseRevisionId: base?.id, authorId: editorId });
        return scope.storage.revisions.publish(created.id, approverId);
      };
      await publish('entry', 'b-thu-tuc', { v: 1 });
      await publish('entry', 'a-thu-tuc', { v: 1 });
      const aCurrent = await publish('entry', 'a-thu-tuc', { v: 2 });
      const bCurrent = await scope.storage.revisions.currentPublished('entry', 'b-thu-tuc');
      await draft({ targetId: 'c-chi-co-ban-nhap' });
      const ward = await publish('ward-settings', 'ward', { name: 'Phường Bến Nghé' });
      expect(await scope.storage.revisions.listCurrentPublished('entry')).toEqual([aCurrent, bCurrent]);
      expect(await scope.storage.revisions.listCurrentPublished('ward-settings')).toEqual([ward]);
    });

    it('keeps life situations apart from entries of the same id', async () => {
      await setUp();
      const entryDraft = await draft({ targetId: 'sinh-con' });
      const situation = await draft({ targetKind: 'situation', targetId: 'sinh-con', content: { id: 'sinh-con', procedures: [] } });
      expect(situation).toMatchObject({ targetKind: 'situation', number: 1, status: 'draft' });
      expect((await scope.storage.revisions.get(entryDraft.id))?.status).toBe('draft');
      const published = await scope.storage.revisions.publish(situation.id, approverId);
      expect(await scope.storage.revisions.listCurrentPublished('situation')).toEqual([published]);
      expect(await scope.storage.revisions.listCurrentPublished('entry')).toEqual([]);
      expect((await scope.storage.revisions.listForTarget('situation', 'sinh-con')).map((r) => r.id)).toEqual([situation.id]);
    });

    it('names its writes for the fault hook; a read-only disk leaves the draft a draft (storage_unavailable)', async () => {
      await setUp();
      const pending = await draft();
      faultyOps.add('revisions.publish');
      await expect(asClientSees(scope.storage.revisions.publish(pending.id, approverId))).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
      expect((await scope.storage.revisions.get(pending.id))?.status).toBe('draft');
      faultyOps.clear();
      await scope.storage.revisions.discard(pending.id);
      expect(seenOps).toEqual(['officials.create', 'officials.create', 'revisions.createDraft', 'revisions.publish', 'revisions.discard']);
    });
  });

  describe('audit', () => {
    it('round-trips events with JSON states, newest first, even within the same millisecond', async () => {
      const login = await scope.storage.audit.add({ officialId: 'o1', actor: 'lan', action: 'login' });
      const edit = await scope.storage.audit.add({
        officialId: 'o1',
        actor: 'lan',
        action: 'revision.draft',
        targetKind: 'entry',
        targetId: 'dang-ky-khai-sinh',
        before: null,
        after: { fee: 'Miễn phí', steps: ['Nộp tờ khai'] },
      });
      expect(login).toMatchObject({ officialId: 'o1', actor: 'lan', action: 'login', targetKind: undefined, before: undefined, after: undefined });
      expect(login.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(login.createdAt).toEqual(scope.clock.now());
      expect(edit).toMatchObject({ before: null, after: { fee: 'Miễn phí', steps: ['Nộp tờ khai'] } });
      expect(await scope.storage.audit.list()).toEqual([edit, login]);
    });

    it('filters by date, official, action and target, and limits', async () => {
      const cli = await scope.storage.audit.add({ actor: 'cli', action: 'official.create', targetKind: 'official', targetId: 'o1' });
      scope.clock.advanceDays(1);
      const failed = await scope.storage.audit.add({ actor: 'lan', action: 'login.failed' });
      const dismiss = await scope.storage.audit.add({ officialId: 'o1', actor: 'lan', action: 'gap.dismiss', targetKind: 'gap', targetId: 'g1' });
      const publish = await scope.storage.audit.add({ officialId: 'o2', actor: 'minh', action: 'revision.publish', targetId: 'g1' });
      const ids = async (options: Parameters<Storage['audit']['list']>[0]) => (await scope.storage.audit.list(options)).map((e) => e.id);
      expect(cli.officialId).toBeUndefined();
      expect(await ids({ since: scope.clock.now() })).toEqual([publish.id, dismiss.id, failed.id]);
      expect(await ids({ officialId: 'o1' })).toEqual([dismiss.id]);
      expect(await ids({ action: 'login.failed' })).toEqual([failed.id]);
      expect(await ids({ targetId: 'g1' })).toEqual([publish.id, dismiss.id]);
      expect(await ids({ targetId: 'g1', officialId: 'o2' })).toEqual([publish.id]);
      expect(await ids({ limit: 2 })).toEqual([publish.id, dismiss.id]);
    });
  });

  describe('usage', () => {
    it('adds to the counters of the ward day, which turns at midnight in Asia/Ho_Chi_Minh', async () => {
      scope.clock.set('2026-03-10T16:59:00.000Z');
      await scope.storage.usage.record([{ metric: 'question' }, { metric: 'procedure', key: 'dang-ky-khai-sinh' }]);
      await scope.storage.usage.record([{ metric: 'question', count: 2 }, { metric: 'answered' }]);
      scope.clock.set('2026-03-10T17:00:00.000Z');
      await scope.storage.usage.record([{ metric: 'question' }, { metric: 'procedure', key: 'dang-ky-khai-sinh', count: 3 }]);
      await scope.storage.usage.record([]);
      expect(await scope.storage.usage.list({ from: '2026-03-10', to: '2026-03-11' })).toEqual([
        { day: '2026-03-10', metric: 'answered', key: '', count: 1 },
        { day: '2026-03-10', metric: 'procedure', key: 'dang-ky-khai-sinh', count: 1 },
        { day: '2026-03-10', metric: 'question', key: '', count: 3 },
        { day: '2026-03-11', metric: 'procedure', key: 'dang-ky-khai-sinh', count: 3 },
        { day: '2026-03-11', metric: 'question', key: '', count: 1 },
      ]);
      expect(await scope.storage.usage.list({ from: '2026-03-12', to: '2026-04-01' })).toEqual([]);
    });

    it('refuses a negative or fractional count without writing any of the batch', async () => {
      await expect(asClientSees(scope.storage.usage.record([{ metric: 'question' }, { metric: 'question', count: -1 }]))).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'events.1.count' }],
      });
      await expect(scope.storage.usage.record([{ metric: 'question', count: 1.5 }])).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await scope.countRows('usage_daily')).toBe(0);
    });

    it('is left alone by retention, as are officials, revisions and the audit log', async () => {
      const admin = await official({ role: 'admin' });
      const revision = await scope.storage.revisions.createDraft({ targetKind: 'ward-settings', targetId: 'ward', content: {}, authorId: admin.id });
      await scope.storage.revisions.publish(revision.id, admin.id);
      await scope.storage.audit.add({ officialId: admin.id, actor: 'lan', action: 'revision.publish' });
      await scope.storage.usage.record([{ metric: 'question' }]);
      scope.clock.advanceDays(400);
      await scope.storage.retention.purgeOlderThan({ conversationsDays: 0 });
      for (const table of ['officials', 'revisions', 'audit_log', 'usage_daily']) expect(await scope.countRows(table)).toBe(1);
    });
  });
}
