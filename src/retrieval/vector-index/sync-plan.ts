import type { ManifestItem } from './manifest.js';
import type { VectorIndexItem } from './types.js';

export interface SyncPlan {
  /** New or changed entries, whose chunks must be embedded. */
  embed: VectorIndexItem[];
  /** Indexed entries whose old vectors must go (changed or removed). */
  drop: string[];
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Compares what is indexed with what should be, by entry id and content hash. */
export function planSync(current: ReadonlyMap<string, ManifestItem>, items: readonly VectorIndexItem[]): SyncPlan {
  const plan: SyncPlan = { embed: [], drop: [], added: 0, updated: 0, removed: 0, unchanged: 0 };
  const wanted = new Set<string>();
  for (const item of items) {
    // Two items with one id would leave one set of vectors orphaned; this is a caller bug, not data to guess about.
    if (wanted.has(item.entryId)) throw new Error(`Duplicate entryId in vector index input: ${item.entryId}`);
    wanted.add(item.entryId);
    const existing = current.get(item.entryId);
    if (!existing) {
      plan.added++;
      plan.embed.push(item);
    } else if (existing.hash !== item.hash) {
      plan.updated++;
      plan.embed.push(item);
      plan.drop.push(item.entryId);
    } else {
      plan.unchanged++;
    }
  }
  for (const entryId of current.keys()) {
    if (!wanted.has(entryId)) {
      plan.removed++;
      plan.drop.push(entryId);
    }
  }
  return plan;
}

/** Plans a single-entry upsert without touching other entries. */
export function planUpsert(current: ReadonlyMap<string, ManifestItem>, item: VectorIndexItem): SyncPlan {
  const existing = current.get(item.entryId);
  const plan: SyncPlan = { embed: [], drop: [], added: 0, updated: 0, removed: 0, unchanged: 0 };
  if (!existing) {
    plan.added = 1;
    plan.embed.push(item);
  } else if (existing.hash !== item.hash) {
    plan.updated = 1;
    plan.embed.push(item);
    plan.drop.push(item.entryId);
  } else {
    plan.unchanged = 1;
  }
  return plan;
}
