/** One ranked list from one retriever: entry ids best first. */
export interface RankedList {
  ids: string[];
  weight: number;
}

/** Reciprocal-rank fusion (Cormack et al. 2009): Σ weight / (k + rank); robust to incomparable score scales. */
export function fuseByRank(lists: RankedList[], k = 60): Map<string, number> {
  const fused = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return fused;
}
