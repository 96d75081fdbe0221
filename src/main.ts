import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { formatProblem, loadKnowledge, loadWardSettings } from './knowledge/load.js';
import { knowledgeCacheFile, startRetrieval, type RetrievalRuntime } from './retrieval/runtime.js';
import { loadThresholds } from './retrieval/search/load-thresholds.js';
import { createApp, type HealthReport } from './server/index.js';
import { createLogger, type Logger } from './shared/logger.js';

/** Starts the service: config, logger, listening socket, then knowledge and indexes; stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(process.stdout.isTTY) });
  const log = logger.child({ module: 'main' });

  let runtime: RetrievalRuntime | undefined;
  let knowledgeInfo: Record<string, unknown> = {};
  const getHealth = (): HealthReport =>
    runtime ? { status: 'ok', ...knowledgeInfo, dense: runtime.denseStatus() } : { status: 'starting' };
  const app = createApp({
    logger,
    getHealth,
    getSearch: () => (runtime ? (q, k) => runtime!.retriever.search(q, k) : undefined),
  });

  const server = listen(app.fetch, config, log);
  handleShutdown(server, log);

  const started = performance.now();
  const knowledge = await loadKnowledge(config.knowledgeDir, { relativeTo: path.dirname(config.knowledgeDir), cacheFile: knowledgeCacheFile(config.dataDir) });
  for (const problem of knowledge.problems) log.error({ problem: formatProblem(problem) }, 'knowledge file skipped');
  const ward = await loadWardSettings(config.wardSettingsFile);
  for (const problem of ward.problems) log.error({ problem: formatProblem(problem) }, 'ward settings problem');
  runtime = await startRetrieval({
    entries: knowledge.entries,
    synonyms: knowledge.synonyms,
    indexDir: path.join(config.dataDir, 'index'),
    modelDir: config.modelDir,
    embedder: config.embedder,
    logger,
    thresholds: loadThresholds(config.knowledgeDir).thresholds,
  });
  knowledgeInfo = { entries: knowledge.entries.length, searchable: runtime.retriever.documents.length, knowledgeProblems: knowledge.problems.length };
  log.info({ ...knowledgeInfo, ms: Math.round(performance.now() - started) }, 'knowledge base searchable');
}

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config, log: Logger): ServerType {
  const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ host: config.host, port: info.port }, `listening on http://${config.host}:${info.port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal({ code: error.code }, error.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT)` : 'cannot listen');
    process.exit(1);
  });
  return server;
}

function handleShutdown(server: ServerType, log: Logger): void {
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`ward-assistant failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
