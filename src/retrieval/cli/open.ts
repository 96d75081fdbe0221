import path from 'node:path';
import { loadConfig } from '../../config/index.js';
import { formatProblem, loadKnowledge } from '../../knowledge/load.js';
import { createLogger } from '../../shared/logger.js';
import { knowledgeCacheFile, startRetrieval, type EmbedderChoice, type RetrievalRuntime } from '../runtime.js';
import { loadThresholds } from '../search/load-thresholds.js';
import type { Thresholds } from '../search/thresholds.js';

/** Builds retrieval for a command-line tool from the same settings the service uses, and waits for the dense index. */
export async function openRetrievalForCli(
  options: { embedder?: EmbedderChoice | undefined; thresholds?: Thresholds; denseWeight?: number | undefined } = {},
): Promise<RetrievalRuntime> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, pretty: false, destination: process.stderr });
  const knowledge = await loadKnowledge(config.knowledgeDir, { cacheFile: knowledgeCacheFile(config.dataDir) });
  for (const problem of knowledge.problems) console.error(`skipped: ${formatProblem(problem)}`);
  const runtime = await startRetrieval({
    entries: knowledge.entries,
    synonyms: knowledge.synonyms,
    indexDir: path.join(config.dataDir, 'index'),
    modelDir: config.modelDir,
    embedder: options.embedder ?? config.embedder,
    logger,
    thresholds: options.thresholds ?? loadThresholds(config.knowledgeDir).thresholds,
    ...(options.denseWeight === undefined ? {} : { denseWeight: options.denseWeight }),
  });
  await runtime.denseSettled;
  return runtime;
}

/** Reads `--embedder X` from argv (lexical only with `none`). */
export function readEmbedderFlag(argv: string[]): EmbedderChoice | undefined {
  const index = argv.indexOf('--embedder');
  const value = index >= 0 ? argv[index + 1] : undefined;
  return value === 'auto' || value === 'lsa' || value === 'model' || value === 'none' ? value : undefined;
}

/** Reads `--dense-weight X` from argv, for comparing fusion weights. */
export function readDenseWeightFlag(argv: string[]): number | undefined {
  const index = argv.indexOf('--dense-weight');
  const value = index >= 0 ? Number(argv[index + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
