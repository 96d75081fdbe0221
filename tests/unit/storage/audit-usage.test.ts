import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, countRows } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

describe('audit', () => {
  it('round-trips events with JSON states, newest first, even within the same millisecond', async () => {
    const login = await storage.audit.add({ officialId: 'o1', actor: 'lan', action: 'login' });
    const edit = await storage.audit.add({
      officialId: 'o1',
      actor: 'lan',
      action: 'revision.draft',
      targetKind: 'entry',
      targetId: 'dang-ky-khai-sinh',
      before: null,
      after: { fee: 'Miễn phí', steps: ['Nộp tờ khai'] },
    });
    expect(login).toMatchObject({ officialId: 'o1', actor: 'lan', action: 'login', targetKind: undefined });
    expect(login).toMatchObject({ before: undefined, after: undefined });
    expect(login.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(login.createdAt).toEqual(clock.now());
    expect(edit).toMatchObject({ before: null, after: { fee: 'Miễn phí', steps: ['Nộp tờ khai'] } });
    expect(await storage.audit.list()).toEqual([edit, login]);
  });

  it('filters by date, official, action and target, and limits', async () => {
    const cli = await storage.audit.add({ actor: 'cli', action: 'official.create', targetKind: 'official', targetId: 'o1' });
    clock.advanceDays(1);
    const failed = await storage.audit.add({ actor: 'lan', action: 'login.failed' });
    const dismiss = await storage.audit.add({ officialId: 'o1', actor: 'lan', action: 'gap.dismiss', targetKind: 'gap', targetId: 'g1' });
    const publish = await storage.audit.add({ officialId: 'o2', actor: 'minh', action: 'revision.publish', targetId: 'g1' });

    const ids = async (options: Parameters<Storage['audit']['list']>[0]) => (await storage.audit.list(options)).map((e) => e.id);
    expect(cli.officialId).toBeUndefined();
    expect(await ids({ since: clock.now() })).toEqual([publish.id, dismiss.id, failed.id]);
    expect(await ids({ officialId: 'o1' })).toEqual([dismiss.id]);
    expect(await ids({ action: 'login.failed' })).toEqual([failed.id]);
    expect(await ids({ targetId: 'g1' })).toEqual([publish.id, dismiss.id]);
    expect(await ids({ targetId: 'g1', officialId: 'o2' })).toEqual([publish.id]);
    expect(await ids({ limit: 2 })).toEqual([publish.id, dismiss.id]);
  });
});

describe('usage', () => {
  it('adds to the counters of the ward day, which turns at midnight in Asia/Ho_Chi_Minh, not UTC', async () => {
    clock.set('2026-03-10T16:59:00.000Z'); // 23:59 on the 10th in Vietnam
    await storage.usage.record([{ metric: 'question' }, { metric: 'procedure', key: 'dang-ky-khai-sinh' }]);
    await storage.usage.record([{ metric: 'question', count: 2 }, { metric: 'answered' }]);
    clock.set('2026-03-10T17:00:00.000Z'); // 00:00 on the 11th in Vietnam, still the 10th in UTC
    await storage.usage.record([{ metric: 'question' }, { metric: 'procedure', key: 'dang-ky-khai-sinh', count: 3 }]);
    await storage.usage.record([]);

    expect(await storage.usage.list({ from: '2026-03-10', to: '2026-03-11' })).toEqual([
      { day: '2026-03-10', metric: 'answered', key: '', count: 1 },
      { day: '2026-03-10', metric: 'procedure', key: 'dang-ky-khai-sinh', count: 1 },
      { day: '2026-03-10', metric: 'question', key: '', count: 3 },
      { day: '2026-03-11', metric: 'procedure', key: 'dang-ky-khai-sinh', count: 3 },
      { day: '2026-03-11', metric: 'question', key: '', count: 1 },
    ]);
    expect((await storage.usage.list({ from: '2026-03-11', to: '2026-03-11' })).map((c) => c.day)).toEqual(['2026-03-11', '2026-03-11']);
    expect(await storage.usage.list({ from: '2026-03-12', to: '2026-04-01' })).toEqual([]);
  });

  it('refuses a negative or fractional count without writing any of the batch', async () => {
    await expect(asClientSees(storage.usage.record([{ metric: 'question' }, { metric: 'question', count: -1 }]))).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'events.1.count' }],
    });
    await expect(storage.usage.record([{ metric: 'question', count: 1.5 }])).rejects.toMatchObject({ code: 'validation_failed' });
    expect(countRows(file, 'usage_daily')).toBe(0);
  });
});

describe('retention', () => {
  it('leaves officials, revisions, the audit log and usage counters alone', async () => {
    const official = await storage.officials.create({ username: 'lan', displayName: 'Lan', role: 'admin', passwordHash: 'h' });
    const revision = await storage.revisions.createDraft({
      targetKind: 'ward-settings',
      targetId: 'ward',
      content: {},
      authorId: official.id,
    });
    await storage.revisions.publish(revision.id, official.id);
    await storage.audit.add({ officialId: official.id, actor: 'lan', action: 'revision.publish' });
    await storage.usage.record([{ metric: 'question' }]);
    clock.advanceDays(400);
    await storage.retention.purgeOlderThan({ conversationsDays: 0 });
    for (const table of ['officials', 'revisions', 'audit_log', 'usage_daily']) expect(countRows(file, table)).toBe(1);
  });
});
