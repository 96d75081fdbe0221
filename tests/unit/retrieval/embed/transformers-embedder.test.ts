import { mkdir, mkdtemp, rm, truncate, writeFile, unlink, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../../src/retrieval/embed/embedder.js';
import { createTransformersEmbedder, findInstalledModel } from '../../../../src/retrieval/embed/transformers-embedder.js';
import { buildTinyModel } from '../../../fixtures/tiny-model/build-tiny-model.js';

let root: string;
let embedder: Embedder;

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] ?? NaN))), 0);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ward-embed-'));
  await buildTinyModel(path.join(root, 'models', 'tiny-bert'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('broken model folders', () => {
  async function brokenModel(name: string, breakIt: (dir: string) => Promise<void>): Promise<string> {
    const modelDir = path.join(root, 'broken');
    await buildTinyModel(path.join(modelDir, name));
    await breakIt(path.join(modelDir, name));
    return modelDir;
  }

  it('names the folder and the missing tokenizer.json', async () => {
    const modelDir = await brokenModel('no-tokenizer', (dir) => unlink(path.join(dir, 'tokenizer.json')));
    await expect(createTransformersEmbedder({ modelDir, modelName: 'no-tokenizer' })).rejects.toThrow(
      `Embedding model in ${path.join(modelDir, 'no-tokenizer')} is incomplete: missing tokenizer.json.`,
    );
  });

  it('names the folder and the file for a truncated onnx file', async () => {
    const modelDir = await brokenModel('truncated', async (dir) => {
      const file = path.join(dir, 'onnx', 'model.onnx');
      await truncate(file, Math.floor((await stat(file)).size / 3));
    });
    const error = await createTransformersEmbedder({ modelDir, modelName: 'truncated' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`Could not load the embedding model in ${path.join(modelDir, 'truncated')}: onnx/model.onnx is broken`);
  });

  it('names the tokenizer when tokenizer.json is JSON but not a tokenizer', async () => {
    const modelDir = await brokenModel('odd-tokenizer', (dir) => writeFile(path.join(dir, 'tokenizer.json'), '{"model": {}}'));
    await expect(createTransformersEmbedder({ modelDir, modelName: 'odd-tokenizer' })).rejects.toThrow(
      `Could not load the embedding model in ${path.join(modelDir, 'odd-tokenizer')}: tokenizer.json / tokenizer_config.json is broken`,
    );
  });

  it('names the folder for a tokenizer.json that is not JSON', async () => {
    const modelDir = await brokenModel('bad-tokenizer', (dir) => writeFile(path.join(dir, 'tokenizer.json'), '{"version": '));
    await expect(createTransformersEmbedder({ modelDir, modelName: 'bad-tokenizer' })).rejects.toThrow(
      `Embedding model in ${path.join(modelDir, 'bad-tokenizer')}: tokenizer.json is not valid JSON.`,
    );
  });

  it('reports a missing folder and an unusable ward-embedder.json', async () => {
    await expect(createTransformersEmbedder({ modelDir: root, modelName: 'nowhere' })).rejects.toThrow(
      `Embedding model folder ${path.join(root, 'nowhere')} does not exist.`,
    );
    const modelDir = await brokenModel('bad-settings', (dir) =>
      writeFile(path.join(dir, 'ward-embedder.json'), JSON.stringify({ pooling: 'max' })),
    );
    await expect(createTransformersEmbedder({ modelDir, modelName: 'bad-settings' })).rejects.toThrow(/ward-embedder\.json: pooling/);
  });

  // Runs before any good model is loaded in this process: transformers.js 3.8 alone would then fail every later load.
  it('still loads a good model after a broken one', async () => {
    const loaded = await createTransformersEmbedder({ modelDir: path.join(root, 'models'), modelName: 'tiny-bert' });
    expect(loaded.dimension).toBe(32);
  });
});

describe('createTransformersEmbedder', () => {
  beforeAll(async () => {
    embedder = await createTransformersEmbedder({ modelDir: path.join(root, 'models'), modelName: 'tiny-bert', batchSize: 2 });
  });

  it('reads the dimension from the model and names it in the id', () => {
    expect(embedder.dimension).toBe(32);
    expect(embedder.id).toBe('model:tiny-bert:32');
  });

  it('returns unit vectors of the model dimension', async () => {
    const vectors = await embedder.embedPassages(['Đăng ký khai sinh cho con', 'birth certificate', '']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(32);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic and tells different texts apart', async () => {
    const [a, b] = await embedder.embedQueries(['làm giấy khai sinh', 'làm giấy khai sinh']);
    const [c] = await embedder.embedQueries(['đăng ký kết hôn']);
    expect(maxDiff(a!, b!)).toBe(0);
    expect(maxDiff(a!, c!)).toBeGreaterThan(1e-3);
  });

  it('gives the same vectors batched as one by one', async () => {
    const texts = ['khai sinh', 'thủ tục đăng ký thường trú cho vợ và con', 'hello', 'xe máy sang tên', 'cấp thẻ căn cước'];
    const batched = await embedder.embedPassages(texts);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embedPassages([text]);
      expect(maxDiff(batched[i]!, single!)).toBeLessThan(1e-5);
    }
    expect(await embedder.embedPassages([])).toEqual([]);
  });

  it('adds no prefix by default, so queries and passages of the same text agree', async () => {
    const [q] = await embedder.embedQueries(['đăng ký tạm trú']);
    const [p] = await embedder.embedPassages(['đăng ký tạm trú']);
    expect(maxDiff(q!, p!)).toBeLessThan(1e-6);
  });

  it('applies the prefixes from ward-embedder.json', async () => {
    const modelDir = path.join(root, 'prefixed');
    await buildTinyModel(path.join(modelDir, 'tiny'), { wardEmbedder: { queryPrefix: 'query: ', passagePrefix: 'passage: ' } });
    const prefixed = await createTransformersEmbedder({ modelDir, modelName: 'tiny' });
    const [q] = await prefixed.embedQueries(['đăng ký tạm trú']);
    const [p] = await prefixed.embedPassages(['đăng ký tạm trú']);
    const [plain] = await embedder.embedQueries(['đăng ký tạm trú']);
    expect(maxDiff(q!, p!)).toBeGreaterThan(1e-3);
    // Same weights (same seed): only the prefix makes the query differ from the unprefixed one.
    expect(maxDiff(q!, plain!)).toBeGreaterThan(1e-3);
  });

  it('applies e5 prefixes when the model name says e5, and loads quantized weights', async () => {
    const modelDir = path.join(root, 'e5');
    await buildTinyModel(path.join(modelDir, 'Test', 'tiny-e5'), { quantizedFileName: true });
    const e5 = await createTransformersEmbedder({ modelDir, modelName: 'Test/tiny-e5' });
    expect(e5.id).toBe('model:Test/tiny-e5:32');
    const [q] = await e5.embedQueries(['hộ nghèo']);
    const [p] = await e5.embedPassages(['hộ nghèo']);
    expect(maxDiff(q!, p!)).toBeGreaterThan(1e-3);
  });
});

describe('findInstalledModel', () => {
  it('finds a model one level deep', async () => {
    const found = await findInstalledModel(path.join(root, 'models'));
    expect(found).toEqual({ name: 'tiny-bert', path: path.join(root, 'models', 'tiny-bert'), candidates: ['tiny-bert'] });
  });

  it('finds Org/name models and picks the first alphabetically', async () => {
    const modelDir = path.join(root, 'layout');
    await buildTinyModel(path.join(modelDir, 'Xenova', 'multilingual-e5-small'), { hidden: 8 });
    await buildTinyModel(path.join(modelDir, 'Acme', 'tiny'), { hidden: 8 });
    await mkdir(path.join(modelDir, 'Other', 'not-a-model'), { recursive: true });
    await writeFile(path.join(modelDir, 'README.md'), 'models go here');
    const found = await findInstalledModel(modelDir);
    expect(found?.name).toBe('Acme/tiny');
    expect(found?.path).toBe(path.join(modelDir, 'Acme', 'tiny'));
    expect(found?.candidates).toEqual(['Acme/tiny', 'Xenova/multilingual-e5-small']);
  });

  it('returns undefined for an empty or missing folder', async () => {
    const empty = path.join(root, 'empty');
    await mkdir(empty);
    expect(await findInstalledModel(empty)).toBeUndefined();
    expect(await findInstalledModel(path.join(root, 'does-not-exist'))).toBeUndefined();
  });
});

