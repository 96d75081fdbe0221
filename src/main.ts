import { hkdfSync } from 'node:crypto';
import path from 'node:path';
import { createPrintTokens, derivePrintKey, type PrintTokens } from './dossiers/index.js';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { formatProblem, loadKnowledge, loadWardSettings } from './knowledge/load.js';
import { knowledgeCacheFile, startRetrieval, type RetrievalRuntime } from './retrieval/runtime.js';
import { loadThresholds } from './retrieval/search/load-thresholds.js';
import { ChatEngine } from './chat/engine/chat-engine.js';
import { createFormCatalog } from './chat/forms/catalog.js';
import { createLlmRephraser } from './chat/llm/rephrase.js';
import { createLocalKnowledgeFeed, type KnowledgeFeed } from './storage/knowledge-feed.js';
import { KnowledgeWorkbench } from './admin/knowledge/workbench.js';
import { KnowledgeInForce } from './knowledge/in-force/index.js';
import { WidgetOriginsSetting } from './admin/settings/widget-origins.js';
import { createApp, type HealthReport } from './server/index.js';
import { attachChatSocket, type ChatSocket } from './server/ws/chat-socket.js';
import { KioskClients } from './server/limits/kiosk-clients.js';
import { collectGarbage } from './shared/collect-garbage.js';
import { isAppError } from './shared/errors.js';
import { createEspeakSynthesizer, createSpeechService, EMPTY_VOCABULARY, type SpeechVocabulary } from './speech/index.js';
import { deferSynthesizer } from './speech/synth/deferred.js';
import { buildVocabularyFromEntries, buildVocabularyFromEntriesInSlices } from './speech/knowledge-vocabulary.js';
import { createAsrClient } from './speech/transcribe/index.js';
import { createLogger, type Logger } from './shared/logger.js';
import { isStorageError, loadOrCreateKey, openPostgresStorage, openSqliteStorage } from './storage/index.js';
import { openPostgresKnowledgeFeed } from './storage/postgres/knowledge-feed.js';
import type { Storage } from './storage/types.js';

/** Starts the service: config, logger, listening socket, then knowledge and indexes; stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(process.stdout.isTTY) });
  const log = logger.child({ module: 'main' });

  const { storage, key, printTokens } = await openStorageOrExit(config, logger);
  const feed = await openFeedOrExit(config, logger);
  let runtime: RetrievalRuntime | undefined;
  let inForce: KnowledgeInForce | undefined;
  let workbench: KnowledgeWorkbench | undefined;
  let knowledgeInfo: Record<string, unknown> = {};
  const engine = new ChatEngine({
    retrieval: () => runtime?.retriever,
    storage,
    ward: () => inForce?.ward(),
    // The life situations in force: shipped files with the officials' published revisions, updated on publish.
    situations: () => inForce?.situations() ?? [],
    logger,
    minutesPerTicket: config.minutesPerTicket,
    rephraser: config.llm ? createLlmRephraser({ ...config.llm, logger }) : undefined,
    forms: createFormCatalog(),
    retentionDays: config.retentionDays,
    printTokens,
  });
  const kiosks = new KioskClients({ addresses: config.kioskAddresses, tokens: config.kioskTokens });
  // The sites allowed to embed the widget: an admin's saved list wins over WIDGET_ORIGINS (docs/admin-api.md).
  const widgetOrigins = new WidgetOriginsSetting({ defaults: config.widgetOrigins, getStorage: () => storage, logger });
  await widgetOrigins.refresh();
  // Another instance's change reaches this one within a refresh (this one applies its own change at once).
  setInterval(() => void widgetOrigins.refresh(), 30_000).unref();
  // Read-aloud works from the start; the vocabulary that restores unmarked words follows the knowledge in force.
  let vocabulary: SpeechVocabulary | undefined;
  // Its workers start once the start's work is done (below), not on top of its peak.
  const synthesizer = deferSynthesizer(() => createEspeakSynthesizer({ workers: config.speech.workers, wordsPerMinute: config.speech.wordsPerMinute }));
  const speech = createSpeechService({ synthesizer, cacheBytes: config.speech.cacheBytes, getVocabulary: () => vocabulary ?? EMPTY_VOCABULARY });
  const getHealth = (): HealthReport =>
    runtime ? { status: 'ok', ...knowledgeInfo, dense: runtime.denseStatus() } : { status: 'starting' };
  const app = createApp({
    logger,
    getHealth,
    getSearch: () => (runtime ? (q, k) => runtime!.retriever.search(q, k) : undefined),
    getChat: () => (runtime ? engine : undefined),
    getStorage: () => storage,
    getWorkbench: () => (runtime ? workbench : undefined),
    adminToken: config.adminToken,
    trustProxy: config.trustProxy,
    chatMessagesPerMinutePerIp: config.chatMessagesPerMinutePerIp,
    chatMessagesPerMinute: config.chatMessagesPerMinute,
    dossiersPerMinute: config.dossiersPerMinute,
    kiosks,
    // Its own key, derived from the data key: every instance sharing the key accepts the same session secrets.
    sessionSecretKey: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'ward-assistant/session-secret', 32)),
    uiDir: config.uiDir,
    kioskIdleSeconds: config.kioskIdleSeconds,
    widgetOrigins: config.widgetOrigins,
    widgetOriginSetting: widgetOrigins,
    printTokens,
    minutesPerTicket: config.minutesPerTicket,
    getSpeech: () => speech,
    getWardVoice: () => inForce?.ward()?.speechVoice ?? 'north',
    speechRequestsPerMinutePerIp: config.speech.requestsPerMinutePerIp,
    transcriber: config.asr ? createAsrClient(config.asr) : undefined,
    ...(config.asr ? { transcribeMaxBytes: config.asr.maxBytes } : {}),
  });

  const server = listen(app.fetch, config, log);
  const socket = attachChatSocket(server as import('node:http').Server, {
    engine,
    logger,
    trustProxy: config.trustProxy,
    maxConnections: config.chatMaxConnections,
    messagesPerMinute: config.chatMessagesPerMinute,
    messagesPerMinutePerAddress: config.chatMessagesPerMinutePerIp,
    maxConnectionsPerAddress: config.chatMaxConnectionsPerIp,
    kiosks,
    allowedOrigins: () => widgetOrigins.current(),
  });
  handleShutdown(server, socket, storage, feed, log);
  schedulePurge(storage, config.retentionDays, log);

  const started = performance.now();
  const knowledge = await loadKnowledge(config.knowledgeDir, { relativeTo: path.dirname(config.knowledgeDir), cacheFile: knowledgeCacheFile(config.dataDir) });
  for (const problem of knowledge.problems) log.error({ problem: formatProblem(problem) }, 'knowledge file skipped');
  const wardFile = await loadWardSettings(config.wardSettingsFile);
  for (const problem of wardFile.problems) log.error({ problem: formatProblem(problem) }, 'ward settings problem');
  // Officials' published revisions lie over the shipped files (docs/decisions.md, "Who owns the knowledge").
  // With several instances, a publish anywhere reaches every instance's indexes through the feed.
  const live = await KnowledgeInForce.open({ storage, baselineEntries: knowledge.entries, baselineWard: wardFile.settings, baselineSituations: knowledge.situations, logger, feed });
  inForce = live;
  // The officials edit that same knowledge in force: a publish reaches the chat and retrieval at once.
  workbench = await KnowledgeWorkbench.open({ storage, knowledge: live, logger });
  runtime = await startRetrieval({
    entries: live.entries(),
    synonyms: knowledge.synonyms,
    indexDir: path.join(config.dataDir, 'index'),
    modelDir: config.modelDir,
    embedder: config.embedder,
    logger,
    thresholds: loadThresholds(config.knowledgeDir).thresholds,
  });
  const retrieval = runtime;
  // The speech vocabulary (~0.1–0.3 s) is built after search is up, in slices that let the first requests through,
  // and again after a publish (unless a publish came first), never before answering.
  void buildVocabularyFromEntriesInSlices(live.entries()).then((built) => {
    vocabulary ??= built;
    // The start's work is done: hand its garbage back to the system now rather than after minutes of idling,
    // then start the read-aloud workers.
    setImmediate(() => {
      collectGarbage();
      synthesizer.start();
    });
  });
  live.setReindexer(async (entries) => {
    const result = await retrieval.applyEntries(entries);
    setImmediate(() => (vocabulary = buildVocabularyFromEntries(entries)));
    return result;
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

async function openStorageOrExit(config: Config, logger: Logger): Promise<{ storage: Storage; key: Buffer; printTokens: PrintTokens }> {
  try {
    // With DATABASE_URL, config has already required DATA_KEY: no key file is read or created.
    const key = loadOrCreateKey({ dataKey: config.dataKey, keyFile: config.keyFile, dataDir: config.dataDir, logger });
    // Print links are signed with a key derived from the data key: every instance sharing DATA_KEY reads the links
    // any other one issued, with nothing stored (docs/protocol.md, "Print links").
    const printTokens = createPrintTokens({ key: derivePrintKey(key) });
    if (config.databaseUrl) return { storage: await openPostgresStorage({ url: config.databaseUrl, key, logger }), key, printTokens };
    return { storage: await openSqliteStorage({ dataDir: config.dataDir, key, logger }), key, printTokens };
  } catch (error) {
    console.error(`cannot open the database: ${error instanceof Error ? error.message : String(error)}${isAppError(error) || isStorageError(error) ? ` (${error.code})` : ''}`);
    process.exit(1);
  }
}

/** One instance: an in-process feed. Several sharing PostgreSQL: LISTEN/NOTIFY on a dedicated connection. */
async function openFeedOrExit(config: Config, logger: Logger): Promise<KnowledgeFeed> {
  if (!config.databaseUrl) return createLocalKnowledgeFeed();
  try {
    return await openPostgresKnowledgeFeed({ url: config.databaseUrl, logger });
  } catch (error) {
    // Never the URL itself: it may carry the password.
    console.error(`cannot listen for knowledge changes on the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function schedulePurge(storage: Storage, days: number, log: Logger): void {
  const purge = () =>
    storage.retention.purgeOlderThan({ conversationsDays: days }).then(
      (counts) => log.info(counts, 'retention purge'),
      (error: unknown) => log.error({ code: isAppError(error) || isStorageError(error) ? error.code : 'unknown' }, 'retention purge failed'),
    );
  void purge();
  setInterval(() => void purge(), 6 * 3600_000).unref();
}

function handleShutdown(server: ServerType, socket: ChatSocket, storage: Storage, feed: KnowledgeFeed, log: Logger): void {
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void socket.close().then(() => {
      server.close(() => void feed.close().finally(() => void storage.close().finally(() => process.exit(0))));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`ward-assistant failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
