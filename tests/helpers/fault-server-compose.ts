/**
 * The real service composed over a given data directory and key, with the storage fault hook exposed: what
 * src/main.ts builds (storage, knowledge workbench, retrieval, chat engine, HTTP app, chat socket), minus the
 * configuration parsing, over the shipped curated entries so it starts in well under a second. Used in-process by
 * the degraded-storage tests and, in a child process, by fault-server.ts for the kill tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { parse } from 'yaml';
import { KnowledgeWorkbench } from '../../src/admin/knowledge/workbench.js';
import { ChatEngine } from '../../src/chat/engine/chat-engine.js';
import { createFormCatalog } from '../../src/chat/forms/catalog.js';
import { loadWardSettings, parseEntryFile } from '../../src/knowledge/load.js';
import { SynonymsFileSchema } from '../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../src/retrieval/search/index.js';
import { createApp } from '../../src/server/index.js';
import { createPrintTokens } from '../../src/dossiers/index.js';
import { attachChatSocket } from '../../src/server/ws/chat-socket.js';
import type { Logger } from '../../src/shared/logger.js';
import { openSqliteStorage, type StorageFaults } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/types.js';
import { buildSilentLogger } from './logger.js';

/** The repository's knowledge folder, wherever the process was started from. */
export const KNOWLEDGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../knowledge');

export interface ComposeFaultServerOptions {
  dataDir: string;
  key: Buffer;
  /** The storage fault hook (see StorageFaults): throw to fail a write, or kill the process. */
  faults?: StorageFaults;
  logger?: Logger;
  /** ADMIN_TOKEN: the officials' bearer token (≥ 16 characters). */
  adminToken?: string;
  /** Chat messages per minute per connection (a form dialogue sends many short answers). */
  messagesPerMinute?: number;
}

export interface ComposedServer {
  port: number;
  url: string;
  wsUrl: string;
  storage: Storage;
  engine: ChatEngine;
  close(): Promise<void>;
}

/** Builds the service over `dataDir` and listens on 127.0.0.1, port 0. */
export async function composeFaultServer(options: ComposeFaultServerOptions): Promise<ComposedServer> {
  const logger = options.logger ?? buildSilentLogger();
  const storage = await openSqliteStorage({ dataDir: options.dataDir, key: options.key, logger, ...(options.faults ? { faults: options.faults } : {}) });
  const curated = path.join(KNOWLEDGE_DIR, 'curated');
  const files = (await readdir(curated)).filter((f) => f.endsWith('.yaml')).sort();
  const entries = (await Promise.all(files.map((f) => parseEntryFile(path.join(curated, f))))).flatMap((p) => (p.ok ? [p.entry] : []));
  const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.join(KNOWLEDGE_DIR, 'synonyms.yaml'), 'utf8'))).synonyms;
  const ward = (await loadWardSettings(path.join(KNOWLEDGE_DIR, 'ward-settings.example.yaml'))).settings;

  // As main.ts: officials' published revisions lie over the shipped files, and publishing re-indexes in place.
  const workbench = await KnowledgeWorkbench.open({ storage, baselineEntries: entries, baselineWard: ward, logger });
  const retriever = new Retriever({ entries: workbench.entries(), synonyms, thresholds: DEFAULT_THRESHOLDS });
  workbench.setReindexer(async (next) => {
    const started = performance.now();
    return { ...retriever.updateEntries(next), ms: Math.round(performance.now() - started) };
  });
  const printTokens = createPrintTokens({ key: randomBytes(32) });
  const engine = new ChatEngine({ retrieval: () => retriever, storage, ward: () => workbench.ward(), logger, forms: createFormCatalog(), printTokens });
  const app = createApp({
    logger,
    getHealth: () => ({ status: 'ok' }),
    getSearch: () => (q, k) => retriever.search(q, k),
    getChat: () => engine,
    getStorage: () => storage,
    getWorkbench: () => workbench,
    adminToken: options.adminToken,
    printTokens,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  const socket = attachChatSocket(server, { engine, logger, trustProxy: false, messagesPerMinute: options.messagesPerMinute ?? 500 });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/chat`,
    storage,
    engine,
    async close() {
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}

/** A fault hook that can be switched on and off at run time: while on, the chosen writes fail with a SQLite code. */
export interface FaultSwitch {
  faults: StorageFaults;
  /** Makes writes fail as a read-only (SQLITE_READONLY) or full (SQLITE_FULL) disk would; all writes unless `ops`. */
  fail(code: 'SQLITE_READONLY' | 'SQLITE_FULL', ops?: string[]): void;
  /** The disk is healthy again. */
  heal(): void;
  /** Operations that failed while on, in order. */
  failed: string[];
}

/** Creates a switchable fault hook, off at first. */
export function createFaultSwitch(): FaultSwitch {
  let failing: { code: string; ops: string[] | undefined } | undefined;
  const failed: string[] = [];
  return {
    failed,
    faults: {
      beforeWrite: (op) => {
        if (!failing || (failing.ops && !failing.ops.includes(op))) return;
        failed.push(op);
        // Shaped like better-sqlite3's SqliteError: what a read-only mount or a full disk really throws.
        throw Object.assign(new Error(failing.code === 'SQLITE_FULL' ? 'database or disk is full' : 'attempt to write a readonly database'), { code: failing.code });
      },
    },
    fail: (code, ops) => {
      failing = { code, ops };
    },
    heal: () => {
      failing = undefined;
    },
  };
}
