import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, MANIFEST_FILE, openVectorIndex } from '../../../../src/retrieval/vector-index/index.js';
import { buildFakeEmbedder, embedTrigrams, type FakeEmbedder } from '../../../helpers/fake-embedder.js';
import { buildCapturingLogger } from '../../../helpers/logger.js';
import { buildSampleItems, makeTempDir } from './setup.js';

interface LogLine {
  level: number;
  msg: string;
  reason?: string;
}

/** Builds and saves the sample index in a fresh directory. */
async function savedSample(): Promise<string> {
  const dir = await makeTempDir();
  const { logger } = buildCapturingLogger();
  await (await openVectorIndex({ dir, embedder: buildFakeEmbedder(), logger })).sync(buildSampleItems());
  return dir;
}

/** Reopens `dir`, syncs the sample again, and returns what happened. */
async function reopen(dir: string, embedder: FakeEmbedder = buildFakeEmbedder()) {
  const { logger, lines } = buildCapturingLogger();
  const index = await openVectorIndex({ dir, embedder, logger });
  const loadedFromDisk = index.stats().loadedFromDisk;
  const result = await index.sync(buildSampleItems());
  const logs = lines().map((line) => JSON.parse(line) as LogLine);
  const warnings = logs.filter((line) => line.level === 40);
  return { index, loadedFromDisk, result, warnings, raw: lines().join('\n') };
}

function expectRebuiltWithWarning(outcome: Awaited<ReturnType<typeof reopen>>, reason: RegExp): void {
  expect(outcome.loadedFromDisk).toBe(false);
  expect(outcome.result).toMatchObject({ added: 3, embeddedChunks: 7 });
  expect(outcome.warnings).toHaveLength(1);
  expect(outcome.warnings[0]?.reason).toMatch(reason);
  // Reasons name the defect, never the indexed text.
  expect(outcome.raw).not.toContain('Giấy chứng sinh');
  expect(outcome.index.search(embedTrigrams('Giấy chứng sinh do bệnh viện cấp', 32), 1)[0]?.entryId).toBe('dang-ky-khai-sinh');
}

describe('vector index recovery', () => {
  it('starts empty without a warning when nothing was saved', async () => {
    const outcome = await reopen(await makeTempDir());
    expect(outcome.loadedFromDisk).toBe(false);
    expect(outcome.warnings).toEqual([]);
  });

  it('rebuilds when the embedder id changes', async () => {
    const dir = await savedSample();
    expectRebuiltWithWarning(await reopen(dir, buildFakeEmbedder({ id: 'fake-trigram-v2' })), /embedder changed/);
    // The rebuild replaced the saved pair, so the next start loads it quietly.
    const embedder = buildFakeEmbedder({ id: 'fake-trigram-v2' });
    const again = await reopen(dir, embedder);
    expect(again).toMatchObject({ loadedFromDisk: true, warnings: [] });
    expect(embedder.embeddedPassages).toBe(0);
  });

  it('rebuilds when the dimension changes', async () => {
    const dir = await savedSample();
    const { logger, lines } = buildCapturingLogger();
    const embedder = buildFakeEmbedder({ dimension: 48 });
    const index = await openVectorIndex({ dir, embedder, logger });
    expect(index.stats()).toMatchObject({ loadedFromDisk: false, dimension: 48 });
    expect(await index.sync(buildSampleItems())).toMatchObject({ added: 3, embeddedChunks: 7 });
    expect(lines().join('\n')).toMatch(/dimension changed/);
    expect(index.search(embedTrigrams('Giấy chứng sinh do bệnh viện cấp', 48), 1)[0]?.entryId).toBe('dang-ky-khai-sinh');
  });

  it('rebuilds when the index file holds garbage bytes', async () => {
    const dir = await savedSample();
    writeFileSync(path.join(dir, INDEX_FILE), Buffer.alloc(4096, 0xab));
    expectRebuiltWithWarning(await reopen(dir), /does not match the manifest/);
  });

  it('rebuilds when hnswlib itself rejects the file (garbage whose checksum the manifest agrees with)', async () => {
    const dir = await savedSample();
    const garbage = Buffer.from('definitely not an hnsw index, just some bytes');
    writeFileSync(path.join(dir, INDEX_FILE), garbage);
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    manifest.indexSha256 = createHash('sha256').update(garbage).digest('hex');
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    expectRebuiltWithWarning(await reopen(dir), /corrupted/);
  });

  it('rebuilds when the index file is missing but the manifest is there', async () => {
    const dir = await savedSample();
    rmSync(path.join(dir, INDEX_FILE));
    expectRebuiltWithWarning(await reopen(dir), /index file unreadable \(ENOENT\)/);
  });

  it('rebuilds when the manifest is missing but the index file is there', async () => {
    const dir = await savedSample();
    rmSync(path.join(dir, MANIFEST_FILE));
    expectRebuiltWithWarning(await reopen(dir), /ENOENT/);
  });

  it('rebuilds when the manifest is not JSON', async () => {
    const dir = await savedSample();
    writeFileSync(path.join(dir, MANIFEST_FILE), '{"version": 1, "items": {"dang-ky');
    expectRebuiltWithWarning(await reopen(dir), /not valid JSON/);
  });

  it('rebuilds when the manifest fails its schema', async () => {
    const dir = await savedSample();
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, items: { a: { hash: 'x', labels: ['one'], sections: [] } } }));
    expectRebuiltWithWarning(await reopen(dir), /schema at items\.a/);
  });

  it('rebuilds when manifest labels collide', async () => {
    const dir = await savedSample();
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    const items = { a: { hash: 'x', labels: [0], sections: ['overview'] }, b: { hash: 'y', labels: [0], sections: ['overview'] } };
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...manifest, items }));
    expectRebuiltWithWarning(await reopen(dir), /labels are duplicated/);
  });

  it('detects a crash between the two renames (new index, old manifest)', async () => {
    const dir = await savedSample();
    const oldManifest = readFileSync(path.join(dir, MANIFEST_FILE));
    const { logger } = buildCapturingLogger();
    const index = await openVectorIndex({ dir, embedder: buildFakeEmbedder(), logger });
    await index.remove('cap-so-do');
    writeFileSync(path.join(dir, MANIFEST_FILE), oldManifest);
    expectRebuiltWithWarning(await reopen(dir), /does not match the manifest/);
  });
});
