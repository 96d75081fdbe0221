/**
 * One start of retrieval in a fresh process, as the service does it: load knowledge, build the lexical
 * index, then the dense index (trained or loaded). Prints timings as JSON. Used by retrieval.bench.ts.
 */
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgeCacheFile, startRetrieval, type EmbedderChoice } from '../src/retrieval/runtime.js';
import { createLogger } from '../src/shared/logger.js';

const [dataDir = '', embedder = 'lsa'] = process.argv.slice(2);
const t0 = performance.now();
const knowledge = await loadKnowledge(path.resolve('knowledge'), { cacheFile: knowledgeCacheFile(dataDir) });
const tLoaded = performance.now();
const runtime = await startRetrieval({
  entries: knowledge.entries,
  synonyms: knowledge.synonyms,
  indexDir: path.join(dataDir, 'index'),
  modelDir: path.resolve('models'),
  embedder: embedder as EmbedderChoice,
  logger: createLogger({ level: 'silent' }),
});
const tLexical = performance.now();
await runtime.denseSettled;
const tDense = performance.now();
console.log(
  JSON.stringify({
    entries: knowledge.entries.length,
    searchable: runtime.retriever.documents.length,
    loadMs: tLoaded - t0,
    lexicalMs: tLexical - tLoaded,
    searchableMs: tLexical - t0,
    denseMs: tDense - tLexical,
    totalMs: tDense - t0,
    dense: runtime.denseStatus(),
    rssMb: process.memoryUsage().rss / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
