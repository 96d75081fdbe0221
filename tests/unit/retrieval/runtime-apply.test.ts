import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/knowledge/schema.js';
import type { Embedder } from '../../../src/retrieval/embed/embedder.js';
import { startRetrieval, toVectorItems, type RetrievalRuntime } from '../../../src/retrieval/runtime.js';
import { openVectorIndex } from '../../../src/retrieval/vector-index/index.js';
import { buildFakeEmbedder, embedTrigrams } from '../../helpers/fake-embedder.js';
import { buildFixtureKnowledge } from '../../helpers/fixture-knowledge.js';
import { buildCapturingLogger, buildSilentLogger } from '../../helpers/logger.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runtime-apply-'));
  dirs.push(dir);
  return dir;
}

const PASSPORT_TITLE = 'Cấp thẻ căn cước cho người dưới 14 tuổi';

function revise(entries: Entry[], id: string, change: Partial<Entry>): Entry[] {
  return entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
}

/**
 * The fake embedder behind a gate: passages wait until `open()`, and `embedding()` settles once passages were
 * asked for since the gate was last closed.
 */
function buildGatedEmbedder() {
  const fake = buildFakeEmbedder();
  let release = () => {};
  let gate = new Promise<void>((resolve) => (release = resolve));
  let started = () => {};
  let asked = new Promise<void>((resolve) => (started = resolve));
  const embedder: Embedder = {
    id: fake.id,
    dimension: fake.dimension,
    embedQueries: (texts) => fake.embedQueries(texts),
    async embedPassages(texts) {
      started();
      await gate;
      return fake.embedPassages(texts);
    },
  };
  return {
    embedder,
    fake,
    embedding: () => asked,
    open: () => release(),
    close: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
      asked = new Promise<void>((resolve) => (started = resolve));
    },
  };
}

/** The dense index as saved on disk, reopened with the same embedder. */
async function reopenDense(indexDir: string, embedder: Embedder) {
  return openVectorIndex({ dir: path.join(indexDir, 'dense'), embedder, logger: buildSilentLogger() });
}

/** True when the saved dense index holds exactly the runtime's current version of the entry (same content hash). */
async function denseHoldsCurrent(runtime: RetrievalRuntime, indexDir: string, embedder: Embedder, id: string): Promise<boolean> {
  const doc = runtime.retriever.getDocument(id);
  if (!doc) throw new Error(`no document ${id}`);
  const [item] = toVectorItems([doc]);
  return (await (await reopenDense(indexDir, embedder)).upsert(item!)).unchanged === 1;
}

describe('RetrievalRuntime.applyEntries', () => {
  const { entries, synonyms } = buildFixtureKnowledge();

  it('re-indexes a revised entry lexically and in the ready dense index, embedding only that entry', async () => {
    const indexDir = await tempDir();
    const fake = buildFakeEmbedder();
    const runtime = await startRetrieval({ entries, synonyms, indexDir, modelDir: 'none', embedder: fake, logger: buildSilentLogger() });
    await runtime.denseSettled;
    expect(runtime.denseStatus()).toMatchObject({ state: 'ready', embedder: fake.id, entries: 6 });
    fake.resetCounts();

    const applied = await runtime.applyEntries(revise(entries, 'dvc-2.000003', { title: { vi: PASSPORT_TITLE } }));
    expect(applied).toMatchObject({ changed: ['dvc-2.000003'], removed: [] });
    expect(applied.ms).toBeGreaterThanOrEqual(0);
    expect(fake.passageTexts.length).toBeGreaterThan(0);
    expect(fake.passageTexts.every((text) => text.includes(PASSPORT_TITLE))).toBe(true);

    const response = await runtime.retriever.search('the can cuoc duoi 14 tuoi', 3);
    expect(response.results[0]).toMatchObject({ id: 'dvc-2.000003', section: expect.any(String) });
    const saved = await reopenDense(indexDir, fake);
    expect(saved.stats().entries).toBe(6);
    const overview = runtime.retriever.getDocument('dvc-2.000003')!.chunks[0]!.text;
    expect(overview).toContain(PASSPORT_TITLE);
    expect(saved.search(embedTrigrams(overview, fake.dimension), 1)[0]).toMatchObject({ entryId: 'dvc-2.000003', similarity: expect.closeTo(1, 5) });
    expect(await denseHoldsCurrent(runtime, indexDir, fake, 'dvc-2.000003')).toBe(true);

    const removed = await runtime.applyEntries(revise(entries, 'dvc-2.000002', { status: 'draft' }));
    expect(removed).toMatchObject({ changed: ['dvc-2.000003'], removed: ['dvc-2.000002'] });
    expect(runtime.denseStatus().entries).toBe(5);
    expect((await reopenDense(indexDir, fake)).search(embedTrigrams('Cấp giấy phép xây dựng', fake.dimension), 5).map((h) => h.entryId)).not.toContain('dvc-2.000002');
  });

  it('keeps a revision applied while the dense index is still building', async () => {
    const indexDir = await tempDir();
    const gated = buildGatedEmbedder();
    const runtime = await startRetrieval({ entries, synonyms, indexDir, modelDir: 'none', embedder: gated.embedder, logger: buildSilentLogger() });
    await gated.embedding();
    expect(runtime.denseStatus().state).toBe('building');

    // Lexical search serves the revision at once, though the build embeds the old version.
    const applied = await runtime.applyEntries(revise(entries, 'dvc-2.000003', { title: { vi: PASSPORT_TITLE } }));
    expect(applied).toMatchObject({ changed: ['dvc-2.000003'], removed: [] });
    expect((await runtime.retriever.search('the can cuoc duoi 14 tuoi', 3)).results[0]?.id).toBe('dvc-2.000003');
    expect(runtime.denseStatus().state).toBe('building');

    gated.open();
    await runtime.denseSettled;
    expect(runtime.denseStatus()).toMatchObject({ state: 'ready', entries: 6 });
    expect(gated.fake.passageTexts.some((text) => text.includes(PASSPORT_TITLE))).toBe(true);
    expect(await denseHoldsCurrent(runtime, indexDir, gated.fake, 'dvc-2.000003')).toBe(true);
  });

  it('runs concurrent calls one after another, in call order', async () => {
    const indexDir = await tempDir();
    const gated = buildGatedEmbedder();
    gated.open();
    const runtime = await startRetrieval({ entries, synonyms, indexDir, modelDir: 'none', embedder: gated.embedder, logger: buildSilentLogger() });
    await runtime.denseSettled;
    gated.close();

    const first = revise(entries, 'dvc-2.000003', { title: { vi: PASSPORT_TITLE } });
    const second = revise(first, 'dvc-2.000003', { title: { vi: 'Cấp hộ chiếu gắn chíp điện tử' } });
    const pendingFirst = runtime.applyEntries(first);
    const pendingSecond = runtime.applyEntries(second);
    await gated.embedding();
    // The first call waits on the dense index; the second has not touched the retriever yet.
    expect(runtime.retriever.getDocument('dvc-2.000003')?.entry.title.vi).toBe(PASSPORT_TITLE);

    gated.open();
    expect(await pendingFirst).toMatchObject({ changed: ['dvc-2.000003'] });
    expect(await pendingSecond).toMatchObject({ changed: ['dvc-2.000003'] });
    expect(runtime.retriever.getDocument('dvc-2.000003')?.entry.title.vi).toBe('Cấp hộ chiếu gắn chíp điện tử');
    expect(await denseHoldsCurrent(runtime, indexDir, gated.fake, 'dvc-2.000003')).toBe(true);
  });

  it('keeps the lexical revision and logs when the dense index cannot be updated', async () => {
    const fake = buildFakeEmbedder();
    let fail = false;
    const flaky: Embedder = {
      id: fake.id,
      dimension: fake.dimension,
      embedQueries: (texts) => fake.embedQueries(texts),
      embedPassages: (texts) => (fail ? Promise.reject(new Error('model crashed')) : fake.embedPassages(texts)),
    };
    const { logger, lines } = buildCapturingLogger('error');
    const runtime = await startRetrieval({ entries, synonyms, indexDir: await tempDir(), modelDir: 'none', embedder: flaky, logger });
    await runtime.denseSettled;
    fail = true;

    const applied = await runtime.applyEntries(revise(entries, 'dvc-2.000003', { title: { vi: PASSPORT_TITLE } }));
    expect(applied.changed).toEqual(['dvc-2.000003']);
    expect((await runtime.retriever.search('the can cuoc duoi 14 tuoi', 3)).results[0]?.id).toBe('dvc-2.000003');
    expect(lines().join('\n')).toContain('dense index not updated');
  });
});
