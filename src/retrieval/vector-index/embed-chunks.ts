import type { Embedder } from '../embed/embedder.js';
import type { SyncProgress } from './types.js';

/** Embeds passages batch by batch, checking that the embedder returned one vector of its dimension per text. */
export async function embedChunkTexts(
  embedder: Embedder,
  texts: readonly string[],
  batchSize: number,
  onProgress?: (progress: SyncProgress) => void,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const out = await embedder.embedPassages(batch);
    // A short or wrong-sized answer would silently pair vectors with the wrong chunks or crash hnswlib later.
    if (out.length !== batch.length) {
      throw new Error(`Embedder ${embedder.id} returned ${out.length} vectors for ${batch.length} passages`);
    }
    for (const vector of out) {
      if (vector.length !== embedder.dimension) {
        throw new Error(`Embedder ${embedder.id} returned a ${vector.length}-d vector, expected ${embedder.dimension}`);
      }
      vectors.push(vector);
    }
    onProgress?.({ embedded: vectors.length, total: texts.length });
  }
  return vectors;
}
