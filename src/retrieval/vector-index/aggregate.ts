import type { VectorHit } from './types.js';

export interface LabelOwner {
  entryId: string;
  section: string;
}

/** Keeps each entry's best chunk (smallest distance) and returns at most `k` entries, best first. */
export function bestChunkPerEntry(
  neighbors: readonly number[],
  distances: readonly number[],
  owners: ReadonlyMap<number, LabelOwner>,
  k: number,
): VectorHit[] {
  const best = new Map<string, VectorHit>();
  neighbors.forEach((label, i) => {
    const owner = owners.get(label);
    // A label without an owner would be a bookkeeping bug; skipping it keeps search answering.
    if (!owner) return;
    const similarity = 1 - (distances[i] ?? Number.POSITIVE_INFINITY);
    const previous = best.get(owner.entryId);
    if (!previous || similarity > previous.similarity) {
      best.set(owner.entryId, { entryId: owner.entryId, section: owner.section, similarity });
    }
  });
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.entryId.localeCompare(b.entryId)).slice(0, k);
}
