import { describe, expect, it, vi } from 'vitest';
import { KnowledgeInForce, type ReindexResult } from '../../../src/knowledge/in-force/index.js';
import type { Entry } from '../../../src/knowledge/schema.js';
import type { KnowledgeFeed, KnowledgeFeedHandler } from '../../../src/storage/knowledge-feed.js';
import type { Revision, RevisionTarget, Storage } from '../../../src/storage/types.js';
import { buildFixtureKnowledge } from '../../helpers/fixture-knowledge.js';
import { buildSilentLogger } from '../../helpers/logger.js';

const shipped = buildFixtureKnowledge().entries;
const birth = shipped.find((entry) => entry.id === 'dang-ky-khai-sinh')!;

/** The revisions the knowledge in force reads: the newest published one per target wins. */
function buildRevisions(published: Revision[]): Pick<Storage, 'revisions'> {
  const latest = (kind: RevisionTarget, id: string) => published.filter((r) => r.targetKind === kind && r.targetId === id).at(-1);
  const revisions = {
    currentPublished: async (kind: RevisionTarget, id: string) => latest(kind, id),
    listCurrentPublished: async (kind: RevisionTarget) =>
      [...new Set(published.filter((r) => r.targetKind === kind).map((r) => r.targetId))].map((id) => latest(kind, id)!),
  };
  return { revisions: revisions as unknown as Storage['revisions'] };
}

let numbers = 0;
function buildRevision(targetId: string, content: unknown, targetKind: RevisionTarget = 'entry'): Revision {
  numbers += 1;
  return { id: `r${numbers}`, targetKind, targetId, number: numbers, status: 'published', content, authorId: 'o1', createdAt: new Date() };
}

/** A feed whose notices the test delivers by hand. */
function buildFeed(instanceId = 'here'): KnowledgeFeed & { deliver: KnowledgeFeedHandler; notified: unknown[] } {
  const handlers = new Set<KnowledgeFeedHandler>();
  const notified: unknown[] = [];
  return {
    instanceId,
    notified,
    notify: async (change) => void notified.push(change),
    subscribe: (handler) => (handlers.add(handler), () => handlers.delete(handler)),
    close: async () => handlers.clear(),
    deliver: (event) => handlers.forEach((handler) => handler(event)),
  };
}

const renamed: Entry = { ...birth, title: { ...birth.title, vi: 'Đăng ký khai sinh (đã sửa)' } };
const reindexed: ReindexResult = { changed: ['dang-ky-khai-sinh'], removed: [], ms: 1 };

describe('KnowledgeInForce', () => {
  it('lays the published revisions over the shipped files, skips one that no longer fits and serves the shipped file after a rollback to it', async () => {
    const published = [buildRevision('dang-ky-khai-sinh', renamed), buildRevision('dang-ky-ket-hon', { id: 'dang-ky-ket-hon' })];
    const storage = buildRevisions(published);
    const knowledge = await KnowledgeInForce.open({ storage, baselineEntries: shipped, baselineWard: undefined, logger: buildSilentLogger() });
    expect(knowledge.entry('dang-ky-khai-sinh')?.title.vi).toBe('Đăng ký khai sinh (đã sửa)');
    expect(knowledge.isEdited('entry', 'dang-ky-khai-sinh')).toBe(true);
    expect(knowledge.entry('dang-ky-ket-hon')).toEqual(shipped.find((entry) => entry.id === 'dang-ky-ket-hon'));
    expect(knowledge.entries()).toHaveLength(shipped.length);

    published.push(buildRevision('dang-ky-khai-sinh', null));
    await knowledge.reload();
    expect(knowledge.entry('dang-ky-khai-sinh')).toEqual(birth);
    expect(knowledge.isEdited('entry', 'dang-ky-khai-sinh')).toBe(false);
    expect(knowledge.revisionIdOf('entry', 'dang-ky-khai-sinh')).toBe(published.at(-1)!.id);
  });

  it('re-indexes and announces a publish here; a failed re-index is reported, not thrown', async () => {
    const feed = buildFeed();
    const knowledge = await KnowledgeInForce.open({ storage: buildRevisions([]), baselineEntries: shipped, baselineWard: undefined, logger: buildSilentLogger(), feed });
    const reindexer = vi.fn(async () => reindexed);
    knowledge.setReindexer(reindexer);

    const revision = buildRevision('dang-ky-khai-sinh', renamed);
    expect(await knowledge.applyPublished(revision)).toEqual(reindexed);
    expect(reindexer).toHaveBeenCalledWith(expect.arrayContaining([renamed]));
    expect(feed.notified).toEqual([{ targetKind: 'entry', targetId: 'dang-ky-khai-sinh', revisionId: revision.id }]);

    reindexer.mockRejectedValueOnce(new Error('disk full'));
    expect(await knowledge.applyPublished(buildRevision('dang-ky-khai-sinh', birth))).toMatchObject({ error: expect.any(String) });
  });

  it('refreshes on another instance’s notice, ignores its own, and indexes what it heard before retrieval was up', async () => {
    const feed = buildFeed('here');
    const published: Revision[] = [];
    const knowledge = await KnowledgeInForce.open({ storage: buildRevisions(published), baselineEntries: shipped, baselineWard: undefined, logger: buildSilentLogger(), feed });

    const elsewhere = buildRevision('dang-ky-khai-sinh', renamed);
    published.push(elsewhere);
    feed.deliver({ kind: 'change', origin: 'here', targetKind: 'entry', targetId: 'dang-ky-khai-sinh', revisionId: elsewhere.id });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(knowledge.entry('dang-ky-khai-sinh')).toEqual(birth);

    feed.deliver({ kind: 'change', origin: 'there', targetKind: 'entry', targetId: 'dang-ky-khai-sinh', revisionId: elsewhere.id });
    await vi.waitFor(() => expect(knowledge.entry('dang-ky-khai-sinh')).toEqual(renamed));

    const reindexer = vi.fn(async () => reindexed);
    knowledge.setReindexer(reindexer);
    await vi.waitFor(() => expect(reindexer).toHaveBeenCalledTimes(1));
  });
});
