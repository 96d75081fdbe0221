import type { Logger } from 'pino';
import type { Embedder } from '../embed/embedder.js';

/** Distance spaces we allow; both give similarity = 1 - distance for unit vectors. */
export type VectorSpace = 'cosine' | 'ip';

/** One section of a knowledge entry, embedded as one vector. */
export interface VectorChunk {
  section: string;
  text: string;
}

/** A knowledge entry as the index sees it; `hash` is the caller's content hash of the entry. */
export interface VectorIndexItem {
  entryId: string;
  hash: string;
  chunks: VectorChunk[];
}

export interface VectorIndexOptions {
  /** Directory holding `vectors.hnsw` and `vectors.manifest.json` (DATA_DIR/index). */
  dir: string;
  embedder: Embedder;
  logger: Logger;
  M?: number;
  efConstruction?: number;
  /** Search-time ef; not saved by hnswlib, so it is applied after every load. */
  efSearch?: number;
  space?: VectorSpace;
  /** Capacity of a fresh index; it grows (doubling) as needed. */
  initialCapacity?: number;
  /** Passages per `embedPassages` call. */
  batchSize?: number;
}

export interface SyncProgress {
  embedded: number;
  total: number;
}

export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  embeddedChunks: number;
}

/** Best-matching chunk of one entry. */
export interface VectorHit {
  entryId: string;
  section: string;
  similarity: number;
}

export interface VectorIndexStats {
  entries: number;
  chunks: number;
  dimension: number;
  embedderId: string;
  loadedFromDisk: boolean;
  /** Read back from hnswlib, so it shows whether ef really was applied. */
  efSearch: number;
}

export interface VectorIndex {
  /** Makes the index hold exactly `items`, re-embedding only new or changed entries, then persists. */
  sync(items: readonly VectorIndexItem[], options?: SyncOptions): Promise<SyncResult>;
  /** Adds or replaces one entry (a published revision), then persists. */
  upsert(item: VectorIndexItem): Promise<SyncResult>;
  /** Removes one entry, then persists; false when it was not indexed. */
  remove(entryId: string): Promise<boolean>;
  /** The best entries for a query vector, one hit per entry, best first. */
  search(vector: Float32Array, k: number): VectorHit[];
  stats(): VectorIndexStats;
}
