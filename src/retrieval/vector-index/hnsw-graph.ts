import hnswlib from 'hnswlib-node';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { VectorSpace } from './types.js';

// hnswlib-node is CommonJS without named ESM exports.
const { HierarchicalNSW: HnswConstructor } = hnswlib;

export type HnswGraph = HierarchicalNSW;

/** Fixed so that building the same items twice gives the same graph. */
const RANDOM_SEED = 100;

export interface GraphParams {
  space: VectorSpace;
  dimension: number;
  M: number;
  efConstruction: number;
  efSearch: number;
}

/** Creates an empty graph that reuses deleted slots. */
export function createGraph(params: GraphParams, capacity: number): HnswGraph {
  const graph = new HnswConstructor(params.space, params.dimension);
  graph.initIndex(capacity, params.M, params.efConstruction, RANDOM_SEED, true);
  graph.setEf(params.efSearch);
  return graph;
}

/**
 * Loads a graph from disk; throws on a corrupt file. A fresh native object is used per attempt because a failed
 * readIndexSync leaves the old one holding a freed pointer.
 */
export function loadGraph(params: GraphParams, file: string): HnswGraph {
  const graph = new HnswConstructor(params.space, params.dimension);
  // allowReplaceDeleted is not stored in the file: without it, deleted slots would never be reused after a restart.
  graph.readIndexSync(file, true);
  // ef is not stored in the file either; a loaded graph comes back with hnswlib's default of 10.
  graph.setEf(params.efSearch);
  return graph;
}

/**
 * Grows capacity so `additions` new points fit. Adds fill deleted slots first, so only the excess needs room;
 * capacity at least doubles to keep resizes rare.
 */
export function ensureCapacity(graph: HnswGraph, liveCount: number, additions: number, minimum: number): void {
  const used = graph.getCurrentCount();
  const deletedSlots = Math.max(0, used - liveCount);
  const needed = used + Math.max(0, additions - deletedSlots);
  const max = graph.getMaxElements();
  if (needed <= max) return;
  graph.resizeIndex(Math.max(needed, max * 2, minimum));
}

/** True when every label the manifest names is present in the graph. */
export function graphHoldsLabels(graph: HnswGraph, labels: Iterable<number>): boolean {
  const ids = new Set(graph.getIdsList());
  for (const label of labels) if (!ids.has(label)) return false;
  return true;
}
