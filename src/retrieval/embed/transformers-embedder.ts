import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { normalizeVector, type Embedder } from './embedder.js';

export interface TransformersEmbedderOptions {
  /** The models folder (MODEL_DIR). */
  modelDir: string;
  /** The model folder under `modelDir`: `name` or `Org/name` (as `findInstalledModel` returns it). */
  modelName: string;
  /** Texts per model call; larger batches are faster but pad more. */
  batchSize?: number;
  /** Overrides ward-embedder.json and the file-based guess. */
  dtype?: 'q8' | 'fp32';
}

/** Optional per-model settings, `ward-embedder.json` in the model folder. */
export const WardEmbedderSettingsSchema = z.object({
  queryPrefix: z.string().optional(),
  passagePrefix: z.string().optional(),
  pooling: z.enum(['mean', 'cls']).optional(),
  dtype: z.enum(['q8', 'fp32']).optional(),
});
export type WardEmbedderSettings = z.infer<typeof WardEmbedderSettingsSchema>;

export interface InstalledModel {
  name: string;
  path: string;
  /** Every model folder found, alphabetical; `name` is the first. */
  candidates: string[];
}

// transformers.js names the weights by dtype: q8 → onnx/model_quantized.onnx, fp32 → onnx/model.onnx.
const ONNX_FILE = { q8: 'onnx/model_quantized.onnx', fp32: 'onnx/model.onnx' } as const;
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
// transformers.js treats a name that fails its hub-id pattern as a path relative to the working directory instead.
const MODEL_NAME_PATTERN = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

async function isModelFolder(dir: string): Promise<boolean> {
  if (!(await isFile(path.join(dir, 'config.json'))) || !(await isFile(path.join(dir, 'tokenizer.json')))) return false;
  const onnxFiles = await readdir(path.join(dir, 'onnx')).catch(() => [] as string[]);
  return onnxFiles.some((f) => f.endsWith('.onnx'));
}

async function listSubfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

/** Finds the model folders under `modelDir` (`name/` or `Org/name/`) and picks the first alphabetically. */
export async function findInstalledModel(modelDir: string): Promise<InstalledModel | undefined> {
  const found: string[] = [];
  for (const first of await listSubfolders(modelDir)) {
    if (await isModelFolder(path.join(modelDir, first))) {
      found.push(first);
      continue;
    }
    for (const second of await listSubfolders(path.join(modelDir, first))) {
      if (await isModelFolder(path.join(modelDir, first, second))) found.push(`${first}/${second}`);
    }
  }
  found.sort();
  const name = found[0];
  return name === undefined ? undefined : { name, path: path.join(modelDir, ...name.split('/')), candidates: found };
}

async function readJson(file: string, folder: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`Embedding model in ${folder}: ${path.basename(file)} is not valid JSON.`);
  }
}

async function readSettings(folder: string): Promise<WardEmbedderSettings> {
  const file = path.join(folder, 'ward-embedder.json');
  if (!(await isFile(file))) return {};
  const parsed = WardEmbedderSettingsSchema.safeParse(await readJson(file, folder));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Embedding model in ${folder}: ward-embedder.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Checks the files transformers.js will ask for, so a broken folder fails with a message a person can act on. */
async function checkFolder(folder: string, dtype: 'q8' | 'fp32'): Promise<void> {
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) {
    throw new Error(`Embedding model folder ${folder} does not exist.`);
  }
  const missing: string[] = [];
  for (const file of [...REQUIRED_FILES, ONNX_FILE[dtype]]) if (!(await isFile(path.join(folder, file)))) missing.push(file);
  if (missing.length > 0) throw new Error(`Embedding model in ${folder} is incomplete: missing ${missing.join(', ')}.`);
  for (const file of REQUIRED_FILES) await readJson(path.join(folder, file), folder);
}

async function chooseDtype(folder: string, settings: WardEmbedderSettings, override?: 'q8' | 'fp32'): Promise<'q8' | 'fp32'> {
  if (override) return override;
  if (settings.dtype) return settings.dtype;
  // Prefer the quantized weights (4x smaller, what models:pull fetches by default) when both are present.
  return (await isFile(path.join(folder, ONNX_FILE.q8))) ? 'q8' : 'fp32';
}

function loadError(folder: string, part: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Could not load the embedding model in ${folder}: ${part} is broken (${reason}).`, { cause: error });
}

const TEXT_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

// transformers.js keeps its settings in one global `env`; loads are serialised so two embedders never interleave them.
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Loads the tokenizer with transformers.js and the ONNX weights with onnxruntime-node directly: transformers.js 3.8
 * remembers its first session promise, so one broken model would make every later model in the process fail too.
 */
async function loadModel(modelDir: string, modelName: string, folder: string, onnxFile: string) {
  // Imported lazily: the libraries are heavy, and a service without a model never needs them.
  const [{ env, AutoTokenizer }, ort] = await Promise.all([import('@huggingface/transformers'), import('onnxruntime-node')]);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelDir;
  // The file cache would be consulted before the local folder and could serve another copy of the same name.
  env.useFSCache = false;
  const tokenizer = await AutoTokenizer.from_pretrained(modelName, { local_files_only: true }).catch((error: unknown) => {
    throw loadError(folder, 'tokenizer.json / tokenizer_config.json', error);
  });
  const session = await ort.InferenceSession.create(path.join(folder, onnxFile), { executionProviders: ['cpu'] }).catch(
    (error: unknown) => {
      throw loadError(folder, onnxFile, error);
    },
  );
  const unknown = session.inputNames.filter((name) => !TEXT_INPUTS.has(name));
  if (!session.inputNames.includes('input_ids') || unknown.length > 0) {
    const error = new Error(`inputs are ${session.inputNames.join(', ')}; a text encoder takes input_ids, attention_mask`);
    throw loadError(folder, onnxFile, error);
  }
  return { tokenizer, session, Tensor: ort.Tensor };
}

/** Loads a local transformers.js feature-extraction model (never from the network) as an Embedder. */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelDir, modelName, batchSize = 16 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}.`);
  if (!MODEL_NAME_PATTERN.test(modelName) || modelName.includes('..') || modelName.includes('--')) {
    throw new Error(`Embedding model folder name "${modelName}" in ${modelDir} is not usable: use name or Org/name with letters, digits, '-', '_' or '.' (no '--' or '..').`);
  }
  const folder = path.join(modelDir, ...modelName.split('/'));
  const settings = await readSettings(folder);
  const dtype = await chooseDtype(folder, settings, options.dtype);
  await checkFolder(folder, dtype);

  const isE5 = /e5/i.test(modelName);
  const queryPrefix = settings.queryPrefix ?? (isE5 ? 'query: ' : '');
  const passagePrefix = settings.passagePrefix ?? (isE5 ? 'passage: ' : '');
  const pooling = settings.pooling ?? 'mean';

  const load = loadQueue.then(() => loadModel(modelDir, modelName, folder, ONNX_FILE[dtype]));
  loadQueue = load.catch(() => undefined);
  const { tokenizer, session, Tensor } = await load;
  // Without model_max_length the tokenizer would not truncate; 512 is the position limit of BERT/XLM-R encoders.
  const maxLength = Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : 512;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const encoded = tokenizer(texts, { padding: true, truncation: true, max_length: maxLength });
    const [rows, length] = encoded.input_ids.dims as [number, number];
    const mask = encoded.attention_mask.data as BigInt64Array;
    const inputs: Record<string, BigInt64Array> = {
      input_ids: encoded.input_ids.data as BigInt64Array,
      attention_mask: mask,
      token_type_ids: (encoded.token_type_ids?.data as BigInt64Array | undefined) ?? new BigInt64Array(rows * length),
    };
    const feeds = Object.fromEntries(session.inputNames.map((name) => [name, new Tensor('int64', inputs[name]!, [rows, length])]));
    const outputs = await session.run(feeds);
    const output = outputs['last_hidden_state'] ?? outputs[session.outputNames[0]!]!;
    const data = output.data as Float32Array;
    const width = output.dims[output.dims.length - 1]!;
    const vectors: Float32Array[] = [];
    for (let r = 0; r < rows; r++) {
      const vector = new Float32Array(width);
      if (output.dims.length === 2) {
        vector.set(data.subarray(r * width, (r + 1) * width)); // already pooled by the export
      } else {
        // Mean over the real (unpadded) tokens, or the first token ([CLS]) for cls-pooled models.
        const tokens = pooling === 'cls' ? 1 : length;
        let count = 0;
        for (let t = 0; t < tokens; t++) {
          if (mask[r * length + t] === 0n) continue;
          count++;
          const offset = (r * length + t) * width;
          for (let d = 0; d < width; d++) vector[d]! += data[offset + d]!;
        }
        if (count > 1) for (let d = 0; d < width; d++) vector[d]! /= count;
      }
      vectors.push(normalizeVector(vector));
    }
    return vectors;
  }

  async function embed(texts: string[], prefix: string): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await embedBatch(texts.slice(start, start + batchSize).map((t) => prefix + t))));
    }
    return vectors;
  }

  let probe: Float32Array[];
  try {
    probe = await embed(['kiểm tra'], passagePrefix);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The embedding model in ${folder} loaded but could not embed a test sentence: ${reason}`, { cause: error });
  }
  const dimension = probe[0]?.length ?? 0;
  if (dimension === 0) throw new Error(`The embedding model in ${folder} returned an empty vector.`);

  return {
    id: `model:${modelName}:${dimension}`,
    dimension,
    embedQueries: (texts) => embed(texts, queryPrefix),
    embedPassages: (texts) => embed(texts, passagePrefix),
  };
}
