import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, MANIFEST_FILE, VectorManifestSchema, openVectorIndex } from '../../../../src/retrieval/vector-index/index.js';
import { buildFakeEmbedder, embedTrigrams, type FakeEmbedder } from '../../../helpers/fake-embedder.js';
import { buildSilentLogger } from '../../../helpers/logger.js';
import { buildItem, buildSampleItems, makeTempDir } from './setup.js';

const open = (dir: string, embedder: FakeEmbedder, efSearch?: number) =>
  openVectorIndex({ dir, embedder, logger: buildSilentLogger(), ...(efSearch ? { efSearch } : {}) });

const readManifest = (dir: string) =>
  VectorManifestSchema.parse(JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')));

describe('vector index persistence', () => {
  it('writes the index and a valid manifest, leaving no temp files', async () => {
    const dir = await makeTempDir();
    await (await open(dir, buildFakeEmbedder())).sync(buildSampleItems());
    expect(readdirSync(dir).sort()).toEqual([INDEX_FILE, MANIFEST_FILE]);
    const manifest = readManifest(dir);
    expect(manifest).toMatchObject({ version: 1, embedderId: 'fake-trigram-v1', dimension: 32, M: 16, efConstruction: 200 });
    expect(manifest.items['dang-ky-khai-sinh']?.sections).toEqual(['overview', 'documents', 'fees']);
    expect(manifest.nextLabel).toBe(7);
  });

  it('reloads unchanged items from disk without embedding anything', async () => {
    const dir = await makeTempDir();
    await (await open(dir, buildFakeEmbedder())).sync(buildSampleItems());
    const embedder = buildFakeEmbedder();
    const index = await open(dir, embedder);
    expect(index.stats()).toMatchObject({ entries: 3, chunks: 7, dimension: 32, embedderId: 'fake-trigram-v1', loadedFromDisk: true });
    const result = await index.sync(buildSampleItems());
    expect(result).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 3, embeddedChunks: 0 });
    expect(embedder.embeddedPassages).toBe(0);
    expect(index.search(embedTrigrams('Tờ khai đăng ký kết hôn', 32), 1)[0]?.entryId).toBe('dang-ky-ket-hon');
  });

  it('applies efSearch after loading, since hnswlib does not save it', async () => {
    const dir = await makeTempDir();
    const first = await open(dir, buildFakeEmbedder(), 123);
    expect(first.stats().efSearch).toBe(123);
    await first.sync(buildSampleItems());
    expect((await open(dir, buildFakeEmbedder())).stats()).toMatchObject({ loadedFromDisk: true, efSearch: 64 });
    expect((await open(dir, buildFakeEmbedder(), 200)).stats()).toMatchObject({ loadedFromDisk: true, efSearch: 200 });
  });

  it('re-embeds only the chunks of a changed entry', async () => {
    const dir = await makeTempDir();
    await (await open(dir, buildFakeEmbedder())).sync(buildSampleItems());
    const embedder = buildFakeEmbedder();
    const index = await open(dir, embedder);
    const items = buildSampleItems();
    items[1] = buildItem('dang-ky-ket-hon', {
      overview: 'Đăng ký kết hôn có yếu tố nước ngoài',
      documents: 'Hộ chiếu và giấy xác nhận độc thân của người nước ngoài',
    });
    const result = await index.sync(items);
    expect(result).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 2, embeddedChunks: 2 });
    expect(embedder.passageTexts).toEqual(items[1]?.chunks.map((chunk) => chunk.text));
    expect(index.stats()).toMatchObject({ entries: 3, chunks: 7 });
    const hit = index.search(embedTrigrams('Hộ chiếu và giấy xác nhận độc thân', 32), 1)[0];
    expect(hit).toMatchObject({ entryId: 'dang-ky-ket-hon', section: 'documents' });
    const old = index.search(embedTrigrams('Đăng ký kết hôn giữa hai công dân Việt Nam', 32), 3);
    expect(old.every((h) => h.similarity < 0.999)).toBe(true);
  });

  it('drops a removed entry, also after a reopen', async () => {
    const dir = await makeTempDir();
    const index = await open(dir, buildFakeEmbedder());
    await index.sync(buildSampleItems());
    const result = await index.sync(buildSampleItems().filter((item) => item.entryId !== 'cap-so-do'));
    expect(result).toMatchObject({ removed: 1, unchanged: 2, embeddedChunks: 0 });
    const query = embedTrigrams('Cấp giấy chứng nhận quyền sử dụng đất lần đầu (sổ đỏ)', 32);
    expect(index.search(query, 5).map((hit) => hit.entryId)).not.toContain('cap-so-do');
    const reopened = await open(dir, buildFakeEmbedder());
    expect(reopened.stats()).toMatchObject({ entries: 2, chunks: 5, loadedFromDisk: true });
    expect(reopened.search(query, 5).map((hit) => hit.entryId)).not.toContain('cap-so-do');
  });

  it('persists upsert and remove across a reopen', async () => {
    const dir = await makeTempDir();
    const index = await open(dir, buildFakeEmbedder());
    await index.sync(buildSampleItems());
    const added = buildItem('xac-nhan-cu-tru', { overview: 'Xác nhận thông tin về cư trú', fees: 'Không mất phí khi nộp trực tuyến' });
    expect(await index.upsert(added)).toEqual({ added: 1, updated: 0, removed: 0, unchanged: 0, embeddedChunks: 2 });
    expect(await index.upsert(added)).toMatchObject({ unchanged: 1, embeddedChunks: 0 });
    expect(await index.remove('dang-ky-khai-sinh')).toBe(true);
    expect(await index.remove('dang-ky-khai-sinh')).toBe(false);

    const embedder = buildFakeEmbedder();
    const reopened = await open(dir, embedder);
    expect(reopened.stats()).toMatchObject({ entries: 3, chunks: 6, loadedFromDisk: true });
    expect(reopened.search(embedTrigrams('Xác nhận thông tin về cư trú', 32), 1)[0]).toMatchObject({ entryId: 'xac-nhan-cu-tru', section: 'overview' });
    const ids = reopened.search(embedTrigrams('Giấy chứng sinh do bệnh viện cấp', 32), 5).map((hit) => hit.entryId);
    expect(ids).not.toContain('dang-ky-khai-sinh');
    expect(embedder.embeddedPassages).toBe(0);
  });

  it('reuses deleted slots, so repeated revisions do not grow the index file', async () => {
    const dir = await makeTempDir();
    const index = await open(dir, buildFakeEmbedder());
    await index.sync(buildSampleItems());
    const size = statSync(path.join(dir, INDEX_FILE)).size;
    for (let revision = 1; revision <= 5; revision++) {
      await index.upsert(buildItem('dang-ky-ket-hon', { overview: `Đăng ký kết hôn, bản sửa ${revision}`, documents: `Tờ khai bản ${revision}` }));
    }
    // Also after a reload: allowReplaceDeleted is not saved in the file and must be passed again.
    const reopened = await open(dir, buildFakeEmbedder());
    await reopened.upsert(buildItem('dang-ky-ket-hon', { overview: 'Đăng ký kết hôn, bản cuối', documents: 'Tờ khai cuối' }));
    expect(statSync(path.join(dir, INDEX_FILE)).size).toBe(size);
    expect(readManifest(dir).nextLabel).toBe(7 + 6 * 2);
  });

  it('serialises concurrent mutations', async () => {
    const dir = await makeTempDir();
    const index = await open(dir, buildFakeEmbedder());
    const extra = buildItem('extra', { overview: 'Chứng thực bản sao từ bản chính' });
    const [synced, upserted] = await Promise.all([index.sync(buildSampleItems()), index.upsert(extra)]);
    expect(synced.added).toBe(3);
    expect(upserted.added).toBe(1);
    expect((await open(dir, buildFakeEmbedder())).stats()).toMatchObject({ entries: 4, chunks: 8 });
  });
});
