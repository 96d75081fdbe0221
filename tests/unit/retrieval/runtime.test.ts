import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntrySchema } from '../../../src/knowledge/schema.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { ANALYSIS_CACHE_SCHEMA, knowledgeCacheFile, startRetrieval } from '../../../src/retrieval/runtime.js';
import { buildTinyModel } from '../../fixtures/tiny-model/build-tiny-model.js';
import { buildFixtureKnowledge } from '../../helpers/fixture-knowledge.js';
import { buildCatalogueEntry } from '../../helpers/knowledge.js';
import { buildCapturingLogger, buildSilentLogger } from '../../helpers/logger.js';

const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), prefix));

describe('startRetrieval', () => {
  it('serves lexical search at once and adds the dense index when it is built', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const runtime = await startRetrieval({ entries, synonyms, indexDir: await tempDir('idx-'), modelDir: await tempDir('models-'), embedder: 'lsa', logger: buildSilentLogger() });
    expect(runtime.denseStatus().state).toBe('building');
    expect((await runtime.retriever.search('dang ky ket hon', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
    await runtime.denseSettled;
    expect(runtime.denseStatus()).toMatchObject({ state: 'ready', embedder: expect.stringMatching(/^lsa:/) });
    expect((await runtime.retriever.search('dang ky ket hon', 3)).results[0]?.section).toBeDefined();
  });

  it('uses no dense index with EMBEDDER=none, nor with auto when no model is installed', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    for (const embedder of ['none', 'auto'] as const) {
      const runtime = await startRetrieval({ entries, synonyms, indexDir: await tempDir('idx-'), modelDir: await tempDir('models-'), embedder, logger: buildSilentLogger() });
      await runtime.denseSettled;
      expect(runtime.denseStatus().state, embedder).toBe('off');
      expect((await runtime.retriever.search('dang ky ket hon', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
    }
  });

  it('freezes the LSA basis: a restart with a new entry keeps the basis and embeds only that entry', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const indexDir = await tempDir('idx-');
    const first = await startRetrieval({ entries, synonyms, indexDir, modelDir: 'none', embedder: 'lsa', logger: buildSilentLogger() });
    await first.denseSettled;
    const basis = first.denseStatus().embedder;

    const added = EntrySchema.parse(buildCatalogueEntry('2.000099', { title: { vi: 'Cấp giấy phép khai thác thủy sản' } }));
    const { logger, lines } = buildCapturingLogger('info');
    const second = await startRetrieval({ entries: [...entries, added], synonyms, indexDir, modelDir: 'none', embedder: 'lsa', logger });
    await second.denseSettled;
    expect(second.denseStatus().embedder).toBe(basis);
    const synced = lines().map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'dense index ready');
    expect(synced).toMatchObject({ added: 1, updated: 0, unchanged: first.denseStatus().entries });
  });

  it('uses an installed model, and falls back to lexical search with a warning when the model is broken', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const modelDir = await tempDir('models-');
    await buildTinyModel(path.join(modelDir, 'tiny-bert'));
    const good = await startRetrieval({ entries, synonyms, indexDir: await tempDir('idx-'), modelDir, embedder: 'auto', logger: buildSilentLogger() });
    await good.denseSettled;
    expect(good.denseStatus()).toMatchObject({ state: 'ready', embedder: expect.stringMatching(/^model:tiny-bert:/) });

    const broken = await tempDir('models-');
    await mkdir(path.join(broken, 'bad', 'onnx'), { recursive: true });
    await writeFile(path.join(broken, 'bad', 'config.json'), '{}');
    await writeFile(path.join(broken, 'bad', 'tokenizer.json'), '{}');
    await writeFile(path.join(broken, 'bad', 'onnx', 'model.onnx'), 'not a model');
    const { logger, lines } = buildCapturingLogger('warn');
    const fallback = await startRetrieval({ entries, synonyms, indexDir: await tempDir('idx-'), modelDir: broken, embedder: 'auto', logger });
    await fallback.denseSettled;
    expect(fallback.denseStatus().state).toBe('off');
    expect(lines().join('\n')).toContain('embedding model unusable; lexical retrieval only');
    expect((await fallback.retriever.search('dang ky ket hon', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
  });

  it('starts over garbage in DATA_DIR/index: searches at once, rebuilds the LSA basis and the HNSW index with warnings', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const indexDir = await tempDir('idx-');
    const options = { entries, synonyms, indexDir, modelDir: 'none', embedder: 'lsa' as const };
    await (await startRetrieval({ ...options, logger: buildSilentLogger() })).denseSettled;
    const files = await listFiles(indexDir);
    expect(files.map((f) => path.relative(indexDir, f)).sort()).toEqual(expect.arrayContaining(['analysis-cache.json', path.join('lsa', 'lsa-basis.json')]));
    expect(files.some((f) => f.includes(`${path.sep}dense${path.sep}`))).toBe(true);
    // A disk that went bad: JSON cut in the middle, binary files overwritten.
    for (const file of files) await writeFile(file, file.endsWith('.json') ? '{"version":1,"schema":"analys' : Buffer.alloc(512, 0x5a));

    const { logger, lines } = buildCapturingLogger('warn');
    const runtime = await startRetrieval({ ...options, logger });
    expect((await runtime.retriever.search('dang ky ket hon', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
    await runtime.denseSettled;
    expect(runtime.denseStatus().state).toBe('ready');
    expect((await runtime.retriever.search('lấy vợ', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
    const warnings = lines().map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(warnings).toEqual(expect.arrayContaining(['LSA basis unreadable; retraining', 'saved vector index discarded; it will be rebuilt']));
    // The caches were written again, whole: the next start reuses them without a warning.
    expect(JSON.parse((await readFile(path.join(indexDir, 'analysis-cache.json'), 'utf8')).split('\n')[0] ?? '')).toMatchObject({ schema: ANALYSIS_CACHE_SCHEMA });
    const quiet = buildCapturingLogger('warn');
    await (await startRetrieval({ ...options, logger: quiet.logger })).denseSettled;
    expect(quiet.lines()).toEqual([]);
  });

  it('loads the knowledge base over a garbage knowledge cache and writes a good one back', async () => {
    const knowledgeDir = await tempDir('knowledge-');
    const dataDir = await tempDir('data-');
    await mkdir(path.join(knowledgeDir, 'curated'));
    const shipped = path.resolve('knowledge');
    const curated = (await readdir(path.join(shipped, 'curated'))).filter((f) => f.endsWith('.yaml')).slice(0, 5);
    for (const file of curated) await copyFile(path.join(shipped, 'curated', file), path.join(knowledgeDir, 'curated', file));
    await copyFile(path.join(shipped, 'synonyms.yaml'), path.join(knowledgeDir, 'synonyms.yaml'));
    const cacheFile = knowledgeCacheFile(dataDir);
    const clean = await loadKnowledge(knowledgeDir, { cacheFile });
    expect(clean.entries).toHaveLength(5);

    for (const garbage of [Buffer.alloc(300, 0xff), '{"version":1,"schema":"entry-v1","files":{', '[1,2,3]', '{"version":1,"schema":"entry-v1","files":"x"}']) {
      await writeFile(cacheFile, garbage);
      const loaded = await loadKnowledge(knowledgeDir, { cacheFile });
      expect(loaded.entries.map((e) => e.id).sort()).toEqual(clean.entries.map((e) => e.id).sort());
      expect(loaded.problems).toEqual(clean.problems);
      const { entries, synonyms } = loaded;
      const runtime = await startRetrieval({ entries, synonyms, indexDir: path.join(dataDir, 'index'), modelDir: 'none', embedder: 'none', logger: buildSilentLogger() });
      expect((await runtime.retriever.search(entries[0]!.title.vi, 1)).results[0]?.id).toBe(entries[0]!.id);
    }
    expect(JSON.parse((await readFile(cacheFile, 'utf8')).split('\n')[0] ?? '')).toMatchObject({ version: 5, schema: 'entry-v2' });
  });
});

/** Every file below `dir`. */
async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await listFiles(full)));
    else if (item.isFile()) found.push(full);
  }
  return found;
}
