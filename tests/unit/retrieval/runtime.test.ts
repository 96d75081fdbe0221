import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntrySchema } from '../../../src/knowledge/schema.js';
import { startRetrieval } from '../../../src/retrieval/runtime.js';
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
});
