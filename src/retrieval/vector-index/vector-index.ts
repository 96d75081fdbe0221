import { bestChunkPerEntry, type LabelOwner } from './aggregate.js';
import { embedChunkTexts } from './embed-chunks.js';
import { createGraph, ensureCapacity, type HnswGraph } from './hnsw-graph.js';
import type { ManifestItem } from './manifest.js';
import { loadSavedIndex, saveIndex, type StoreParams } from './store.js';
import { planSync, planUpsert, type SyncPlan } from './sync-plan.js';
import type { SyncOptions, SyncResult, VectorHit, VectorIndex, VectorIndexItem, VectorIndexOptions } from './types.js';

interface IndexState {
  graph: HnswGraph;
  items: Map<string, ManifestItem>;
  owners: Map<number, LabelOwner>;
  nextLabel: number;
  createdAt: string;
  /** Memory differs from disk (fresh start, or a failed save to retry). */
  dirty: boolean;
}

/** Opens the saved index in `options.dir`, or starts an empty one (to be filled by `sync`) when it is absent or unusable. */
export async function openVectorIndex(options: VectorIndexOptions): Promise<VectorIndex> {
  const { dir, embedder } = options;
  const logger = options.logger.child({ module: 'vector-index' });
  const initialCapacity = positiveInt(options.initialCapacity ?? 1024, 'initialCapacity');
  const batchSize = positiveInt(options.batchSize ?? 32, 'batchSize');
  const params: StoreParams = {
    dir,
    embedderId: embedder.id,
    dimension: positiveInt(embedder.dimension, 'embedder.dimension'),
    space: options.space ?? 'cosine',
    M: positiveInt(options.M ?? 16, 'M'),
    efConstruction: positiveInt(options.efConstruction ?? 200, 'efConstruction'),
    efSearch: positiveInt(options.efSearch ?? 64, 'efSearch'),
  };

  const loaded = loadSavedIndex(params, logger);
  const state: IndexState = loaded
    ? {
        graph: loaded.graph,
        items: new Map(Object.entries(loaded.manifest.items)),
        owners: ownersOf(loaded.manifest.items),
        nextLabel: loaded.manifest.nextLabel,
        createdAt: loaded.manifest.createdAt,
        dirty: false,
      }
    : {
        graph: createGraph(params, initialCapacity),
        items: new Map(),
        owners: new Map(),
        nextLabel: 0,
        createdAt: new Date().toISOString(),
        dirty: true,
      };
  const loadedFromDisk = loaded !== undefined;
  if (loaded) logger.info({ entries: state.items.size, chunks: state.owners.size }, 'vector index loaded from disk');

  // Mutations await the embedder; chaining them keeps two of them from interleaving their plans.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  // Embeds first and mutates only afterwards, in one synchronous stretch, so searches never see a half-applied plan.
  const execute = async (plan: SyncPlan, options: SyncOptions = {}): Promise<SyncResult> => {
    const texts = plan.embed.flatMap((item) => item.chunks.map((chunk) => chunk.text));
    const vectors = await embedChunkTexts(embedder, texts, batchSize, options.onProgress);
    applyPlan(state, plan, vectors, initialCapacity);
    persistIfDirty();
    const { added, updated, removed, unchanged } = plan;
    return { added, updated, removed, unchanged, embeddedChunks: vectors.length };
  };

  const persistIfDirty = (): void => {
    if (!state.dirty) return;
    saveIndex(dir, state.graph, {
      embedderId: params.embedderId,
      dimension: params.dimension,
      space: params.space,
      M: params.M,
      efConstruction: params.efConstruction,
      items: Object.fromEntries(state.items),
      nextLabel: state.nextLabel,
      createdAt: state.createdAt,
      updatedAt: new Date().toISOString(),
    });
    state.dirty = false;
  };

  return {
    sync: (items, syncOptions) =>
      exclusive(async () => {
        const started = Date.now();
        const result = await execute(planSync(state.items, items), syncOptions);
        logger.info({ ...result, durationMs: Date.now() - started }, 'vector index synced');
        return result;
      }),
    upsert: (item: VectorIndexItem) => exclusive(() => execute(planUpsert(state.items, item))),
    remove: (entryId: string) =>
      exclusive(async () => {
        if (!state.items.has(entryId)) return false;
        await execute({ embed: [], drop: [entryId], added: 0, updated: 0, removed: 1, unchanged: 0 });
        return true;
      }),
    search: (vector, k) => searchState(state, params.dimension, vector, k),
    stats: () => ({
      entries: state.items.size,
      chunks: state.owners.size,
      dimension: params.dimension,
      embedderId: params.embedderId,
      loadedFromDisk,
      efSearch: state.graph.getEf(),
    }),
  };
}

function applyPlan(state: IndexState, plan: SyncPlan, vectors: Float32Array[], minCapacity: number): void {
  for (const entryId of plan.drop) {
    const item = state.items.get(entryId);
    if (!item) continue;
    for (const label of item.labels) {
      state.graph.markDelete(label);
      state.owners.delete(label);
    }
    state.items.delete(entryId);
  }
  ensureCapacity(state.graph, state.owners.size, vectors.length, minCapacity);
  let next = 0;
  for (const item of plan.embed) {
    const labels: number[] = [];
    for (const chunk of item.chunks) {
      const vector = vectors[next++];
      if (!vector) throw new Error('Fewer vectors than chunks');
      // Fresh labels only: hnswlib refuses addPoint on a deleted label when replacement is enabled.
      const label = state.nextLabel++;
      state.graph.addPoint(Array.from(vector), label, true);
      state.owners.set(label, { entryId: item.entryId, section: chunk.section });
      labels.push(label);
    }
    state.items.set(item.entryId, { hash: item.hash, labels, sections: item.chunks.map((chunk) => chunk.section) });
  }
  if (plan.drop.length > 0 || plan.embed.length > 0) state.dirty = true;
}

function searchState(state: IndexState, dimension: number, vector: Float32Array, k: number): VectorHit[] {
  const live = state.owners.size;
  const wanted = Math.floor(k);
  if (live === 0 || !(wanted > 0)) return [];
  if (vector.length !== dimension) {
    throw new Error(`Query vector has ${vector.length} dimensions, the index ${dimension}`);
  }
  const query = Array.from(vector);
  // Several chunks may belong to one entry, so ask for more chunks than entries and widen if that was not enough.
  let fetch = Math.min(live, wanted * 4);
  for (;;) {
    const { neighbors, distances } = state.graph.searchKnn(query, fetch);
    const hits = bestChunkPerEntry(neighbors, distances, state.owners, wanted);
    if (hits.length >= wanted || fetch >= live) return hits;
    fetch = Math.min(live, fetch * 2);
  }
}

function ownersOf(items: Record<string, ManifestItem>): Map<number, LabelOwner> {
  const owners = new Map<number, LabelOwner>();
  for (const [entryId, item] of Object.entries(items)) {
    item.labels.forEach((label, i) => owners.set(label, { entryId, section: item.sections[i] ?? '' }));
  }
  return owners;
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Vector index option ${name} must be a positive integer`);
  return value;
}
