import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface PullModelOptions {
  /** Hub repository, `Org/name` (or a legacy `name`). */
  repo: string;
  /** The models folder; files land in `<dir>/<Org>/<name>/`. */
  dir: string;
  /** Hub base URL (Hugging Face layout `<endpoint>/<repo>/resolve/main/<file>`). */
  endpoint?: string;
  /** `auto` takes the quantized weights and falls back to fp32 when the repo has none. */
  weights?: 'auto' | 'quantized' | 'fp32';
  /** Injected in tests to simulate failures; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Called after each file is downloaded or skipped, for progress output. */
  onFile?: (event: { file: string; bytes?: number; skipped?: boolean }) => void;
}

export interface PullModelResult {
  /** Where the model now is. */
  path: string;
  files: { file: string; bytes: number }[];
  /** Optional files the hub does not have. */
  skipped: string[];
}

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL_FILES = ['special_tokens_map.json'];
const QUANTIZED = 'onnx/model_quantized.onnx';
const FP32 = 'onnx/model.onnx';
const REPO_PATTERN = /^[\w.-]+(\/[\w.-]+)?$/;

class NotFoundOnHub extends Error {}

/** Where to get the files by hand when this machine cannot reach the hub. */
function manualHint(repo: string, target: string, weightsFile: string): string {
  return (
    `This machine may have no internet access. On a machine that has, download ${[...REQUIRED_FILES, weightsFile].join(', ')} ` +
    `from https://huggingface.co/${repo}/tree/main and copy them into ${target}/ (keep the onnx/ sub-folder), ` +
    `or run this command there and copy the models folder.`
  );
}

/** Downloads the files a transformers.js feature-extraction model needs into `<dir>/<repo>/`, each written atomically. */
export async function pullModel(options: PullModelOptions): Promise<PullModelResult> {
  const { repo, dir, weights = 'auto', onFile } = options;
  const fetchFile = options.fetch ?? fetch;
  const endpoint = (options.endpoint ?? DEFAULT_HF_ENDPOINT).replace(/\/+$/, '');
  if (!REPO_PATTERN.test(repo) || repo.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`"${repo}" is not a model repository name; expected Org/name, e.g. Xenova/multilingual-e5-small.`);
  }
  const target = path.join(dir, ...repo.split('/'));
  const tag = randomBytes(4).toString('hex');
  // Every file is first written to a temp name; nothing is renamed into place until all required files arrived,
  // so a failed pull leaves an earlier complete copy of the model untouched.
  const staged: { file: string; tmp: string; bytes: number }[] = [];
  const skipped: string[] = [];

  async function download(file: string, weightsFile: string): Promise<void> {
    const url = `${endpoint}/${repo}/resolve/main/${file}`;
    const dest = path.join(target, ...file.split('/'));
    const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.${tag}.tmp`);
    let response: Response;
    try {
      response = await fetchFile(url, { redirect: 'follow' });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new Error(`Could not reach ${endpoint} to download ${file} (${cause}). ${manualHint(repo, target, weightsFile)}`, { cause: error });
    }
    if (response.status === 404 || !response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      if (response.status !== 404) throw new Error(`Downloading ${file} from ${url} failed: HTTP ${response.status}.`);
      const hint = file.startsWith('onnx/')
        ? 'the repository may have no ONNX weights for transformers.js (look for a Xenova/ or onnx-community/ copy)'
        : 'check the model name';
      throw new NotFoundOnHub(`${file} was not found at ${url} (404): ${hint}.`);
    }
    await mkdir(path.dirname(tmp), { recursive: true });
    staged.push({ file, tmp, bytes: 0 });
    let bytes = 0;
    const counted = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    try {
      await pipeline(counted, createWriteStream(tmp));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Downloading ${file} from ${url} was interrupted (${reason}). ${manualHint(repo, target, weightsFile)}`, { cause: error });
    }
    staged[staged.length - 1]!.bytes = bytes;
    onFile?.({ file, bytes });
  }

  async function downloadOptional(file: string, weightsFile: string): Promise<boolean> {
    try {
      await download(file, weightsFile);
      return true;
    } catch (error) {
      if (!(error instanceof NotFoundOnHub)) throw error;
      skipped.push(file);
      onFile?.({ file, skipped: true });
      return false;
    }
  }

  try {
    const weightsFile = weights === 'fp32' ? FP32 : QUANTIZED;
    for (const file of REQUIRED_FILES) await download(file, weightsFile);
    for (const file of OPTIONAL_FILES) await downloadOptional(file, weightsFile);
    if (weights === 'auto') {
      if (!(await downloadOptional(QUANTIZED, QUANTIZED))) await download(FP32, FP32);
    } else {
      await download(weightsFile, weightsFile);
    }
    for (const { file, tmp } of staged) await rename(tmp, path.join(target, ...file.split('/')));
  } catch (error) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    // Remove folders this pull created and left empty; rmdir refuses non-empty ones, which is what we want.
    await rmdir(path.join(target, 'onnx')).catch(() => undefined);
    await rmdir(target).catch(() => undefined);
    if (repo.includes('/')) await rmdir(path.dirname(target)).catch(() => undefined);
    throw error;
  }
  return { path: target, files: staged.map(({ file, bytes }) => ({ file, bytes })), skipped };
}
