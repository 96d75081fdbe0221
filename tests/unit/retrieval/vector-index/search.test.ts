import { describe, expect, it } from 'vitest';
import { openVectorIndex } from '../../../../src/retrieval/vector-index/index.js';
import { bestChunkPerEntry } from '../../../../src/retrieval/vector-index/aggregate.js';
import { buildFakeEmbedder, embedTrigrams } from '../../../helpers/fake-embedder.js';
import { buildSilentLogger } from '../../../helpers/logger.js';
import { buildItem, buildSampleItems, makeTempDir } from './setup.js';

async function openSample() {
  const embedder = buildFakeEmbedder();
  const index = await openVectorIndex({ dir: await makeTempDir(), embedder, logger: buildSilentLogger() });
  await index.sync(buildSampleItems());
  return { embedder, index };
}

describe('vector index search', () => {
  it('finds the entry and the section whose chunk matches the query', async () => {
    const { index } = await openSample();
    const hits = index.search(embedTrigrams('Giấy chứng sinh do bệnh viện cấp', 32), 3);
    expect(hits[0]).toMatchObject({ entryId: 'dang-ky-khai-sinh', section: 'documents' });
    const steps = index.search(embedTrigrams('đo đạc thửa đất, niêm yết công khai', 32), 1);
    expect(steps).toEqual([expect.objectContaining({ entryId: 'cap-so-do', section: 'steps' })]);
  });

  it('gives similarity 1 for an exact chunk and sorts best first, one hit per entry', async () => {
    const { index } = await openSample();
    const hits = index.search(embedTrigrams('Đăng ký kết hôn giữa hai công dân Việt Nam', 32), 10);
    expect(hits[0]?.similarity).toBeCloseTo(1, 5);
    expect(hits.map((hit) => hit.entryId).sort()).toEqual(['cap-so-do', 'dang-ky-ket-hon', 'dang-ky-khai-sinh']);
    const sims = hits.map((hit) => hit.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
  });

  it('returns at most k entries', async () => {
    const { index } = await openSample();
    expect(index.search(embedTrigrams('đăng ký', 32), 2)).toHaveLength(2);
    expect(index.search(embedTrigrams('đăng ký', 32), 0)).toEqual([]);
  });

  it('answers [] on an empty index and rejects a query of the wrong dimension', async () => {
    const index = await openVectorIndex({ dir: await makeTempDir(), embedder: buildFakeEmbedder(), logger: buildSilentLogger() });
    expect(index.search(embedTrigrams('bất kỳ', 32), 5)).toEqual([]);
    await index.sync(buildSampleItems());
    expect(() => index.search(new Float32Array(8), 5)).toThrow(/dimensions/);
  });

  it('finds k entries even when one entry owns many of the nearest chunks', async () => {
    const sections = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`s${i}`, `lệ phí hộ tịch mức ${i}`]));
    const index = await openVectorIndex({ dir: await makeTempDir(), embedder: buildFakeEmbedder(), logger: buildSilentLogger() });
    await index.sync([buildItem('many', sections), buildItem('other', { overview: 'xe máy biển số' })]);
    const hits = index.search(embedTrigrams('lệ phí hộ tịch', 32), 2);
    expect(hits.map((hit) => hit.entryId)).toEqual(['many', 'other']);
  });

  it('grows capacity past the initial maximum', async () => {
    const dir = await makeTempDir();
    const embedder = buildFakeEmbedder();
    const index = await openVectorIndex({ dir, embedder, logger: buildSilentLogger(), initialCapacity: 2, batchSize: 3 });
    const items = Array.from({ length: 15 }, (_, i) =>
      buildItem(`entry-${i}`, { overview: `thủ tục số ${i} về hộ tịch`, fees: `lệ phí ${i * 1000} đồng` }),
    );
    const result = await index.sync(items);
    expect(result).toEqual({ added: 15, updated: 0, removed: 0, unchanged: 0, embeddedChunks: 30 });
    expect(index.stats()).toMatchObject({ entries: 15, chunks: 30 });
    expect(index.search(embedTrigrams('lệ phí 7000 đồng', 32), 1)[0]).toMatchObject({ entryId: 'entry-7', section: 'fees' });
    const reopened = await openVectorIndex({ dir, embedder, logger: buildSilentLogger(), initialCapacity: 2 });
    expect(reopened.stats()).toMatchObject({ entries: 15, chunks: 30, loadedFromDisk: true });
  });

  it('reports embedding progress per batch', async () => {
    const index = await openVectorIndex({ dir: await makeTempDir(), embedder: buildFakeEmbedder(), logger: buildSilentLogger(), batchSize: 3 });
    const progress: number[] = [];
    await index.sync(buildSampleItems(), { onProgress: ({ embedded, total }) => progress.push(embedded / total) });
    expect(progress).toEqual([3 / 7, 6 / 7, 1]);
  });
});

describe('bestChunkPerEntry', () => {
  it('keeps the closest chunk of each entry and skips unknown labels', () => {
    const owners = new Map([
      [1, { entryId: 'a', section: 'overview' }],
      [2, { entryId: 'a', section: 'fees' }],
      [3, { entryId: 'b', section: 'steps' }],
    ]);
    const hits = bestChunkPerEntry([2, 3, 1, 9], [0.1, 0.3, 0.5, 0], owners, 5);
    expect(hits).toEqual([
      { entryId: 'a', section: 'fees', similarity: expect.closeTo(0.9, 6) },
      { entryId: 'b', section: 'steps', similarity: expect.closeTo(0.7, 6) },
    ]);
  });
});
