import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullModel } from '../../../../src/retrieval/embed/pull-model.js';
import { createTransformersEmbedder, findInstalledModel } from '../../../../src/retrieval/embed/transformers-embedder.js';
import { buildTinyModel } from '../../../fixtures/tiny-model/build-tiny-model.js';

let root: string;
let server: Server;
let endpoint: string;
/** Hub paths (`/<repo>/resolve/main/<file>`) the fake hub was asked for. */
const requests: string[] = [];

/** Lists every file under `dir`, relative, so tests can see stray temp files. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ward-pull-'));
  // The hub holds two repos: a complete one, and one whose tokenizer.json is missing.
  await buildTinyModel(path.join(root, 'hub', 'Test', 'tiny-e5'), { quantizedFileName: true });
  await buildTinyModel(path.join(root, 'hub', 'Test', 'fp32-only'));
  await buildTinyModel(path.join(root, 'hub', 'Test', 'no-tokenizer'));
  await rm(path.join(root, 'hub', 'Test', 'no-tokenizer', 'tokenizer.json'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    requests.push(url.pathname);
    const match = /^\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    if (!match || match[2]!.includes('..')) return void res.writeHead(404).end('not found');
    readFile(path.join(root, 'hub', match[1]!, match[2]!)).then(
      (body) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('Entry not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('pullModel', () => {
  it('downloads a model that createTransformersEmbedder then loads', async () => {
    const dir = path.join(root, 'models-a');
    const seen: string[] = [];
    const result = await pullModel({ repo: 'Test/tiny-e5', dir, endpoint, onFile: ({ file }) => seen.push(file) });
    expect(result.path).toBe(path.join(dir, 'Test', 'tiny-e5'));
    expect(result.files.map((f) => f.file)).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
      'onnx/model_quantized.onnx',
    ]);
    expect(seen).toHaveLength(5);
    expect(await listFiles(dir)).toEqual(
      ['config.json', 'onnx/model_quantized.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'].map((f) =>
        path.join('Test', 'tiny-e5', f),
      ),
    );
    const source = await readFile(path.join(root, 'hub', 'Test', 'tiny-e5', 'onnx', 'model_quantized.onnx'));
    expect(await readFile(path.join(result.path, 'onnx', 'model_quantized.onnx'))).toEqual(source);

    const found = await findInstalledModel(dir);
    expect(found?.name).toBe('Test/tiny-e5');
    const embedder = await createTransformersEmbedder({ modelDir: dir, modelName: found!.name });
    expect(embedder.id).toBe('model:Test/tiny-e5:32');
    const [vector] = await embedder.embedQueries(['đăng ký khai sinh']);
    expect(vector).toHaveLength(32);
  });

  it('falls back to onnx/model.onnx when the hub has no quantized weights, and honours --fp32', async () => {
    const auto = await pullModel({ repo: 'Test/fp32-only', dir: path.join(root, 'models-b'), endpoint });
    expect(auto.files.map((f) => f.file)).toContain('onnx/model.onnx');
    expect(auto.skipped).toEqual(['onnx/model_quantized.onnx']);

    requests.length = 0;
    const fp32 = await pullModel({ repo: 'Test/fp32-only', dir: path.join(root, 'models-c'), endpoint, weights: 'fp32' });
    expect(requests).not.toContain('/Test/fp32-only/resolve/main/onnx/model_quantized.onnx');
    expect(fp32.files.map((f) => f.file)).toContain('onnx/model.onnx');
    expect(fp32.skipped).toEqual([]);
  });

  it('fails on a missing required file, naming it, and leaves nothing behind', async () => {
    const dir = path.join(root, 'models-d');
    await expect(pullModel({ repo: 'Test/no-tokenizer', dir, endpoint })).rejects.toThrow(
      /tokenizer\.json was not found at http:\/\/127\.0\.0\.1:\d+\/Test\/no-tokenizer\/resolve\/main\/tokenizer\.json \(404\)/,
    );
    expect(await listFiles(dir)).toEqual([]);
    await expect(pullModel({ repo: 'Test/tiny-e5', dir, endpoint, weights: 'fp32' })).rejects.toThrow(
      /onnx\/model\.onnx was not found .* no ONNX weights/,
    );
    expect(await listFiles(dir)).toEqual([]);
  });

  it('explains a network failure and how to copy the files by hand', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND huggingface.co') });
    }) as typeof fetch;
    const dir = path.join(root, 'models-e');
    const error = (await pullModel({ repo: 'Xenova/multilingual-e5-small', dir, fetch: offline }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Could not reach https://huggingface.co to download config.json (getaddrinfo ENOTFOUND huggingface.co)');
    expect(error.message).toContain('may have no internet access');
    expect(error.message).toContain(path.join(dir, 'Xenova', 'multilingual-e5-small'));
    expect(await listFiles(dir)).toEqual([]);
  });

  it('rejects a repository name that could escape the models folder', async () => {
    await expect(pullModel({ repo: '../etc', dir: root, endpoint })).rejects.toThrow(/not a model repository name/);
    await expect(pullModel({ repo: 'a/b/c', dir: root, endpoint })).rejects.toThrow(/not a model repository name/);
  });
});

describe('npm run models:pull', () => {
  it('downloads through the CLI and prints a summary', async () => {
    const dir = path.join(root, 'models-cli');
    const cli = path.resolve('src/retrieval/cli/models-pull.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'Test/tiny-e5', '--dir', dir], {
      env: { ...process.env, HF_ENDPOINT: endpoint },
    });
    expect(stdout).toContain('✓ onnx/model_quantized.onnx');
    expect(stdout).toMatch(/Done: 5 files/);
    expect(await findInstalledModel(dir)).toMatchObject({ name: 'Test/tiny-e5' });
  }, 20_000);
});
