import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { fsyncFile, removeQuietly, sha256File, tmpPathFor, writeFileAtomicSync } from './atomic-file.js';
import { graphHoldsLabels, loadGraph, type GraphParams, type HnswGraph } from './hnsw-graph.js';
import { MANIFEST_VERSION, readManifest, type VectorManifest } from './manifest.js';

export const INDEX_FILE = 'vectors.hnsw';
export const MANIFEST_FILE = 'vectors.manifest.json';

export interface StoreParams extends GraphParams {
  dir: string;
  embedderId: string;
}

export interface LoadedIndex {
  graph: HnswGraph;
  manifest: VectorManifest;
}

/** Loads the saved pair if it is whole and fits these params; otherwise logs why and returns undefined. */
export function loadSavedIndex(params: StoreParams, logger: Logger): LoadedIndex | undefined {
  const indexFile = path.join(params.dir, INDEX_FILE);
  const manifestFile = path.join(params.dir, MANIFEST_FILE);
  const read = readManifest(manifestFile);
  if (!read.ok) {
    if (read.missing && !existsSync(indexFile)) {
      logger.info({ dir: params.dir }, 'no saved vector index; starting empty');
    } else {
      logger.warn({ dir: params.dir, reason: read.reason }, 'saved vector index discarded; it will be rebuilt');
    }
    return undefined;
  }
  const reason = mismatchReason(read.manifest, params) ?? fileMismatchReason(indexFile, read.manifest);
  if (reason) {
    logger.warn({ dir: params.dir, reason }, 'saved vector index discarded; it will be rebuilt');
    return undefined;
  }
  try {
    const graph = loadGraph(params, indexFile);
    const labels = Object.values(read.manifest.items).flatMap((item) => item.labels);
    if (!graphHoldsLabels(graph, labels)) throw new Error('index file lacks labels named by the manifest');
    return { graph, manifest: read.manifest };
  } catch (error) {
    logger.warn({ dir: params.dir, reason: (error as Error).message }, 'saved vector index discarded; it will be rebuilt');
    return undefined;
  }
}

function mismatchReason(manifest: VectorManifest, params: StoreParams): string | undefined {
  if (manifest.embedderId !== params.embedderId) {
    return `embedder changed (saved ${manifest.embedderId}, now ${params.embedderId})`;
  }
  if (manifest.dimension !== params.dimension) {
    return `dimension changed (saved ${manifest.dimension}, now ${params.dimension})`;
  }
  if (manifest.space !== params.space) return `space changed (saved ${manifest.space}, now ${params.space})`;
  // M and efConstruction shape the saved graph; new values only take effect through a rebuild.
  if (manifest.M !== params.M || manifest.efConstruction !== params.efConstruction) {
    return `graph parameters changed (saved M=${manifest.M} efConstruction=${manifest.efConstruction})`;
  }
  return undefined;
}

function fileMismatchReason(indexFile: string, manifest: VectorManifest): string | undefined {
  let digest: string;
  try {
    digest = sha256File(indexFile);
  } catch (error) {
    return `index file unreadable (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
  // Checked before hnswlib sees the bytes: it parses garbage of the right shape without complaint.
  return digest === manifest.indexSha256 ? undefined : 'index file does not match the manifest';
}

/**
 * Saves the graph and then the manifest, each through a temp file and a rename. A crash between the two renames
 * leaves a new index with an old manifest, which the checksum exposes on the next open.
 */
export function saveIndex(dir: string, graph: HnswGraph, manifest: Omit<VectorManifest, 'indexSha256' | 'version'>): void {
  mkdirSync(dir, { recursive: true });
  const indexFile = path.join(dir, INDEX_FILE);
  const tmp = tmpPathFor(indexFile);
  try {
    graph.writeIndexSync(tmp);
    fsyncFile(tmp);
    const indexSha256 = sha256File(tmp);
    renameSync(tmp, indexFile);
    const full: VectorManifest = { version: MANIFEST_VERSION, ...manifest, indexSha256 };
    writeFileAtomicSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(full)}\n`);
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  }
}
