import path from 'node:path';
import type { Entry, SynonymGroup } from '../knowledge/schema.js';
import type { Logger } from '../shared/logger.js';
import { buildCorpus, type SearchDocument } from './corpus/build-corpus.js';
import type { Embedder } from './embed/embedder.js';
import { createLsaEmbedder, loadLsaBasis, saveLsaBasis, trainLsaBasis } from './embed/lsa/index.js';
import { createTransformersEmbedder, findInstalledModel } from './embed/transformers-embedder.js';
import { analyze } from '../text/index.js';
import { openParseCache } from '../knowledge/parse-cache.js';
import { LexicalIndex, type DocumentAnalysis, type LexicalIndexData } from './lexical/lexical-index.js';
import { readLexicalSnapshot, writeLexicalSnapshot } from './lexical/snapshot.js';
import { Retriever, type DenseSearcher, type EntriesUpdate } from './search/retriever.js';
import type { Thresholds } from './search/thresholds.js';
import { openVectorIndex, type SyncResult, type VectorIndex, type VectorIndexItem } from './vector-index/index.js';

// Bump when normalisation or the document fields change, so stale analyses are not reused.
export const ANALYSIS_CACHE_SCHEMA = 'analysis-v11';

// Relative change of an average field length past which in-place edits may visibly reorder near-tied results.
const DRIFT_WARNING = 0.05;

export type EmbedderChoice = 'auto' | 'lsa' | 'model' | 'none';
export type DenseState = 'off' | 'building' | 'ready' | 'failed';

export interface StartRetrievalOptions {
  entries: Entry[];
  synonyms: SynonymGroup[];
  /** DATA_DIR/index: LSA basis and HNSW files. */
  indexDir: string;
  modelDir: string;
  /** Which embedder to use, or one built by the caller (a model of its own, a deterministic one in tests). */
  embedder: EmbedderChoice | Embedder;
  logger: Logger;
  thresholds?: Thresholds;
  /** RRF weight of the dense list (the lexical list weighs 1). */
  denseWeight?: number;
  /** Retrain the LSA basis and re-embed everything (an explicit full rebuild). */
  rebuild?: boolean;
}

/** The running retrieval: lexical search at once, dense vectors joining when built. */
export interface RetrievalRuntime {
  retriever: Retriever;
  /** What `/healthz` reports about the dense index. */
  denseStatus(): { state: DenseState; embedder?: string; entries?: number };
  /** Settles when the dense index is ready, failed or off. */
  denseSettled: Promise<void>;
  /**
   * Applies a revised knowledge base without a restart: re-indexes only the changed searchable documents,
   * lexically at once and in the dense index when it is ready (a build still running picks the change up
   * before it reports ready). Calls run one after another, in call order.
   */
  applyEntries(entries: Entry[]): Promise<AppliedEntries>;
}

/** What applyEntries re-indexed, and how long it took (queueing behind an earlier call excluded). */
export interface AppliedEntries extends EntriesUpdate {
  ms: number;
}

/** Where parsed knowledge files are remembered between starts (rebuildable, like everything under DATA_DIR/index). */
export function knowledgeCacheFile(dataDir: string): string {
  return path.join(dataDir, 'index', 'knowledge-cache.json');
}

/** Terms the LSA basis is trained on and projects with: folded unigrams and bigrams. */
export function lsaTerms(text: string): string[] {
  const analyzed = analyze(text, { exact: 'never' });
  return [...analyzed.unigrams, ...analyzed.bigrams];
}

/**
 * Builds the lexical retriever now and the dense index in the background. The lexical index is restored from the
 * snapshot in DATA_DIR when the searchable documents are unchanged since it was written; otherwise it is built
 * (reusing the analysed documents cached in DATA_DIR) and the snapshot written for the next start.
 */
export async function startRetrieval(options: StartRetrievalOptions): Promise<RetrievalRuntime> {
  const log = options.logger.child({ module: 'retrieval' });
  const corpus = buildCorpus(options.entries);
  const snapshotFile = path.join(options.indexDir, 'lexical-index.bin');
  const snapshot = await readLexicalSnapshot(snapshotFile, ANALYSIS_CACHE_SCHEMA, corpus.documents);
  let lexical = snapshot ? restoreLexical(snapshot, options.synonyms) : undefined;
  if (!lexical) {
    const analysisCache = await openParseCache<DocumentAnalysis>(path.join(options.indexDir, 'analysis-cache.json'), ANALYSIS_CACHE_SCHEMA);
    lexical = new LexicalIndex(corpus.documents, options.synonyms, analysisCache);
    const warn = (what: string) => (error: unknown) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, `${what} not saved`);
    await analysisCache.save().catch(warn('analysis cache'));
    const built = lexical;
    await Promise.resolve()
      .then(() => writeLexicalSnapshot(snapshotFile, ANALYSIS_CACHE_SCHEMA, corpus.documents, built.toData()))
      .catch(warn('lexical index snapshot'));
  }
  const retriever = new Retriever({
    entries: options.entries,
    synonyms: options.synonyms,
    built: { corpus, lexical },
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    ...(options.denseWeight === undefined ? {} : { denseWeight: options.denseWeight }),
  });
  let state: DenseState = options.embedder === 'none' ? 'off' : 'building';
  let embedderId: string | undefined;
  let index: VectorIndex | undefined;
  // Bumped by every applyEntries that changed something, so a build can tell that its snapshot went stale.
  let revision = 0;

  const build = async () => {
    if (state === 'off') return;
    const started = performance.now();
    const embedder = await chooseEmbedder(options, retriever.documents, log);
    if (!embedder) {
      state = 'off';
      return;
    }
    embedderId = embedder.id;
    index = await openVectorIndex({ dir: path.join(options.indexDir, 'dense'), embedder, logger: log });
    // Entries revised while embedding are synced again (only they are re-embedded) until a sync is current; no
    // await separates the last check from 'ready', so a later revision finds the state ready and upserts itself.
    let synced: number;
    let result: SyncResult;
    do {
      synced = revision;
      result = await index.sync(toVectorItems(retriever.documents));
    } while (synced !== revision);
    retriever.setDense(createDenseSearcher(embedder, index));
    state = 'ready';
    log.info({ embedder: embedder.id, ...result, ms: Math.round(performance.now() - started) }, 'dense index ready');
  };
  const denseSettled = build().catch((error: unknown) => {
    state = 'failed';
    log.error({ err: error instanceof Error ? { type: error.name, message: error.message } : String(error) }, 'dense index failed; lexical search only');
  });

  const apply = async (entries: Entry[]): Promise<AppliedEntries> => {
    const started = performance.now();
    const update = retriever.updateEntries(entries);
    if (update.changed.length + update.removed.length > 0) revision++;
    // Read in the same synchronous stretch as the update: 'building' means the build's loop will sync this change.
    const dense = state === 'ready' ? index : undefined;
    if (dense) await applyToDense(dense, update, retriever, log);
    const ms = performance.now() - started;
    const lexicalDrift = Number(retriever.lexicalDrift.toFixed(4));
    log.info({ changed: update.changed.length, removed: update.removed.length, dense: state, lexicalDrift, ms: Math.round(ms) }, 'knowledge entries re-indexed');
    if (lexicalDrift > DRIFT_WARNING) log.warn({ lexicalDrift }, 'many in-place edits: a restart re-packs the lexical index with current length averages');
    return { ...update, ms };
  };
  let tail: Promise<unknown> = Promise.resolve();

  return {
    retriever,
    denseStatus: () => ({ state, ...(embedderId ? { embedder: embedderId } : {}), ...(index ? { entries: index.stats().entries } : {}) }),
    denseSettled,
    applyEntries(entries) {
      const run = tail.then(() => apply(entries));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * Mirrors a lexical update in the dense index. A failure (the embedder) is logged, not thrown: lexical search
 * already serves the revision, and the next start's sync re-embeds whatever is stale.
 */
async function applyToDense(index: VectorIndex, update: EntriesUpdate, retriever: Retriever, log: Logger): Promise<void> {
  try {
    for (const id of update.removed) await index.remove(id);
    const docs = update.changed.flatMap((id) => retriever.getDocument(id) ?? []);
    for (const item of toVectorItems(docs)) await index.upsert(item);
  } catch (error) {
    log.error({ err: error instanceof Error ? { type: error.name, message: error.message } : String(error) }, 'dense index not updated; it is re-synced at the next start');
  }
}

/** The entries as the vector index sees them: one chunk per section (derived when read: only what is embedded). */
export function toVectorItems(documents: SearchDocument[]): VectorIndexItem[] {
  return documents.map((doc) => ({
    entryId: doc.id,
    hash: doc.hash,
    get chunks() {
      return doc.chunks;
    },
  }));
}

/** The lexical index from a decoded snapshot; undefined (so it is rebuilt) if its data do not hold together. */
function restoreLexical(snapshot: LexicalIndexData, synonyms: SynonymGroup[]): LexicalIndex | undefined {
  try {
    return new LexicalIndex([], synonyms, undefined, snapshot);
  } catch {
    return undefined;
  }
}

/** Embeds the query and looks it up in the vector index. */
export function createDenseSearcher(embedder: Embedder, index: VectorIndex): DenseSearcher {
  return {
    async search(query, k) {
      const [vector] = await embedder.embedQueries([query]);
      return vector ? index.search(vector, k) : [];
    },
  };
}

/**
 * The model in MODEL_DIR when one is installed and loads; LSA only when asked for (EMBEDDER=lsa), because on this
 * knowledge base it lowered recall in the hybrid (bench/results.md); otherwise none: lexical retrieval alone.
 */
async function chooseEmbedder(options: StartRetrievalOptions, documents: SearchDocument[], log: Logger): Promise<Embedder | undefined> {
  if (typeof options.embedder === 'object') return options.embedder;
  if (options.embedder === 'lsa') return createLsaEmbedder(await loadOrTrainBasis(options, documents, log), lsaTerms);
  const model = await findInstalledModel(options.modelDir);
  if (!model) {
    if (options.embedder === 'model') log.warn({ modelDir: options.modelDir }, 'EMBEDDER=model but no model is installed; lexical retrieval only');
    else log.info('no embedding model installed; lexical retrieval only');
    return undefined;
  }
  try {
    const embedder = await createTransformersEmbedder({ modelDir: options.modelDir, modelName: model.name });
    log.info({ model: model.name }, 'using the installed embedding model');
    return embedder;
  } catch (error) {
    log.warn({ model: model.name, reason: error instanceof Error ? error.message : String(error) }, 'embedding model unusable; lexical retrieval only');
    return undefined;
  }
}

async function loadOrTrainBasis(options: StartRetrievalOptions, documents: SearchDocument[], log: Logger) {
  const dir = path.join(options.indexDir, 'lsa');
  if (!options.rebuild) {
    try {
      const saved = await loadLsaBasis(dir);
      if (saved) return saved;
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'LSA basis unreadable; retraining');
    }
  }
  const started = performance.now();
  const texts = documents.map((doc) => lsaTerms(Object.values(doc.fields).flat().join('\n')));
  const basis = trainLsaBasis(texts);
  await saveLsaBasis(dir, basis);
  log.info({ terms: basis.terms.length, dimension: basis.dimension, hash: basis.hash, ms: Math.round(performance.now() - started) }, 'LSA basis trained and frozen');
  return basis;
}
