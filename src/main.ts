import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError, loadConfig } from './config/index.js';
import { formatProblem, loadKnowledge, loadWardSettings } from './knowledge/load.js';
import { createApp } from './server/index.js';
import type { HealthReport } from './server/index.js';
import { createLogger } from './shared/logger.js';

/** Starts the service: config, logger, listening socket, then the knowledge base; shuts down on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(process.stdout.isTTY) });
  const log = logger.child({ module: 'main' });

  let health: HealthReport = { status: 'starting' };
  const app = createApp({ logger, getHealth: () => health });

  const server: ServerType = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ host: config.host, port: info.port }, `listening on http://${config.host}:${info.port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal({ code: error.code }, error.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set PORT)` : 'cannot listen');
    process.exit(1);
  });

  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const started = performance.now();
  const knowledge = await loadKnowledge(config.knowledgeDir, { relativeTo: path.dirname(config.knowledgeDir) });
  for (const problem of knowledge.problems) log.error({ problem: formatProblem(problem) }, 'knowledge file skipped');
  const ward = await loadWardSettings(config.wardSettingsFile);
  for (const problem of ward.problems) log.error({ problem: formatProblem(problem) }, 'ward settings problem');
  health = { status: 'ok', entries: knowledge.entries.length, knowledgeProblems: knowledge.problems.length };
  log.info({ entries: knowledge.entries.length, ms: Math.round(performance.now() - started) }, 'knowledge base loaded');
}

main().catch((error: unknown) => {
  console.error(`ward-assistant failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
