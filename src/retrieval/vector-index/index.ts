export { openVectorIndex } from './vector-index.js';
export { INDEX_FILE, MANIFEST_FILE } from './store.js';
export { VectorManifestSchema, type VectorManifest } from './manifest.js';
export type {
  SyncOptions,
  SyncProgress,
  SyncResult,
  VectorChunk,
  VectorHit,
  VectorIndex,
  VectorIndexItem,
  VectorIndexOptions,
  VectorIndexStats,
  VectorSpace,
} from './types.js';
