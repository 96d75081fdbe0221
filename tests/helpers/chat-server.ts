import { mkdtemp, readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import WebSocket from 'ws';
import { ChatEngine } from '../../src/chat/engine/chat-engine.js';
import type { Rephraser } from '../../src/chat/llm/rephrase.js';
import { createFormCatalog } from '../../src/chat/forms/catalog.js';
import type { ServerFrame } from '../../src/chat/protocol.js';
import { loadWardSettings, parseEntryFile } from '../../src/knowledge/load.js';
import { SynonymsFileSchema, type Entry } from '../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../src/retrieval/search/index.js';
import { createApp, type AppDeps } from '../../src/server/index.js';
import { attachChatSocket, type ChatSocketOptions } from '../../src/server/ws/chat-socket.js';
import { openSqliteStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/types.js';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../../src/shared/logger.js';
import { buildSilentLogger } from './logger.js';
import { KnowledgeWorkbench } from '../../src/admin/knowledge/workbench.js';
import { hashPassword } from '../../src/admin/auth/password.js';
import type { AuthPolicy } from '../../src/admin/auth/auth-service.js';
import type { Official, OfficialRole } from '../../src/storage/types.js';

const KNOWLEDGE = path.resolve('knowledge');

/** The shipped curated entries (fast to load; the whole catalogue is for benchmarks and the smoke test). */
export async function loadCuratedEntries(): Promise<Entry[]> {
  const files = (await readdir(path.join(KNOWLEDGE, 'curated'))).filter((f) => f.endsWith('.yaml'));
  const parsed = await Promise.all(files.map((f) => parseEntryFile(path.join(KNOWLEDGE, 'curated', f))));
  return parsed.flatMap((p) => (p.ok ? [p.entry] : []));
}

export interface TestChatServer {
  url: string;
  wsUrl: string;
  storage: Storage;
  dataDir: string;
  workbench: KnowledgeWorkbench;
  close(): Promise<void>;
}

/** Creates an official's account straight in storage (what `npm run admin:create-user` does). */
export async function createTestOfficial(storage: Storage, username: string, role: OfficialRole, password = 'mat-khau-du-dai-1'): Promise<Official> {
  return storage.officials.create({ username, displayName: `Cán bộ ${username}`, role, passwordHash: await hashPassword(password) });
}

/** The real app and chat engine over the curated entries and a temporary database (no port). */
export async function buildChatApp(
  options: {
    adminToken?: string;
    chatMessagesPerMinutePerIp?: number;
    rephraser?: Rephraser;
    logger?: Logger;
    now?: () => Date;
    /** Serve the built kiosk UI (browser tests). */
    uiDir?: string;
    kioskIdleSeconds?: number;
    widgetOrigins?: string[];
    authPolicy?: Partial<AuthPolicy>;
    /** Entries instead of the shipped curated ones. */
    entries?: Entry[];
    /** Further app dependencies (read-aloud, voice input). */
    appDeps?: Partial<AppDeps>;
  } = {},
) {
  const entries = options.entries ?? (await loadCuratedEntries());
  const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.join(KNOWLEDGE, 'synonyms.yaml'), 'utf8'))).synonyms;
  const retriever = new Retriever({ entries, synonyms, thresholds: DEFAULT_THRESHOLDS });
  const ward = (await loadWardSettings(path.join(KNOWLEDGE, 'ward-settings.example.yaml'))).settings;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-chat-'));
  const logger = options.logger ?? buildSilentLogger();
  const storage = await openSqliteStorage({ dataDir, key: randomBytes(32), logger });
  const workbench = await KnowledgeWorkbench.open({ storage, baselineEntries: entries, baselineWard: ward, logger });
  // Published revisions from the database win over the files, as in main.ts; publishing re-indexes in place.
  retriever.updateEntries(workbench.entries());
  workbench.setReindexer(async (next) => {
    const started = performance.now();
    const update = retriever.updateEntries(next);
    return { ...update, ms: Math.round(performance.now() - started) };
  });
  const engine = new ChatEngine({
    retrieval: () => retriever,
    storage,
    ward: () => workbench.ward(),
    logger,
    rephraser: options.rephraser,
    forms: createFormCatalog(),
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createApp({
    logger,
    getHealth: () => ({ status: 'ok' }),
    getSearch: () => (q, k) => retriever.search(q, k),
    getChat: () => engine,
    getStorage: () => storage,
    getWorkbench: () => workbench,
    adminToken: options.adminToken,
    ...(options.authPolicy ? { authPolicy: options.authPolicy } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.chatMessagesPerMinutePerIp ? { chatMessagesPerMinutePerIp: options.chatMessagesPerMinutePerIp } : {}),
    ...(options.uiDir ? { uiDir: options.uiDir } : {}),
    ...(options.kioskIdleSeconds ? { kioskIdleSeconds: options.kioskIdleSeconds } : {}),
    ...(options.widgetOrigins ? { widgetOrigins: options.widgetOrigins } : {}),
    ...options.appDeps,
  });
  return { app, engine, storage, dataDir, logger, workbench, retriever };
}

/** Starts the real app with the chat socket on port 0, over the curated entries and a temporary database. */
export async function startChatServer(
  options: Partial<Omit<ChatSocketOptions, 'engine' | 'logger'>> & { adminToken?: string; uiDir?: string; kioskIdleSeconds?: number; appDeps?: Partial<AppDeps> } = {},
): Promise<TestChatServer> {
  const { adminToken, uiDir, kioskIdleSeconds, appDeps, ...socketOptions } = options;
  const { app, engine, storage, dataDir, logger, workbench } = await buildChatApp({
    ...(appDeps ? { appDeps } : {}),
    ...(adminToken ? { adminToken } : {}),
    ...(uiDir ? { uiDir } : {}),
    ...(kioskIdleSeconds ? { kioskIdleSeconds } : {}),
    ...(options.allowedOrigins ? { widgetOrigins: [...options.allowedOrigins] } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  const socket = attachChatSocket(server, { engine, logger, trustProxy: false, ...socketOptions });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/chat`,
    storage,
    dataDir,
    workbench,
    async close() {
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}

/** A WebSocket chat client that records every frame and can wait for the next one of a type. */
export class ChatClient {
  readonly frames: ServerFrame[] = [];
  private waiters: { type: string; resolve: (f: ServerFrame) => void; reject: (e: Error) => void; from: number }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      const index = this.frames.length - 1;
      this.waiters = this.waiters.filter((w) => {
        // An error frame while waiting for something else fails fast with its reason.
        if (frame.type === 'error' && w.type !== 'error' && index >= w.from) {
          w.reject(new Error(`error frame ${frame.code}: ${frame.message}`));
          return false;
        }
        if (w.type === frame.type && index >= w.from) {
          w.resolve(frame);
          return false;
        }
        return true;
      });
    });
  }

  /** Connects and waits for the socket to open. */
  static async connect(url: string): Promise<ChatClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new ChatClient(ws);
  }

  /** Sends a frame (an object is JSON-encoded; a string or buffer goes as is). */
  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  /** Resolves with the next frame of `type` received after this call. */
  next<T extends ServerFrame['type']>(type: T, timeoutMs = 5000): Promise<Extract<ServerFrame, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        from: this.frames.length,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f as Extract<ServerFrame, { type: T }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  /** Sends a frame and waits for the reply frame of `type`. */
  async ask<T extends ServerFrame['type']>(frame: unknown, type: T): Promise<Extract<ServerFrame, { type: T }>> {
    const reply = this.next(type);
    this.send(frame);
    return reply;
  }

  /** Closes the connection. */
  close(): void {
    this.ws.close();
  }
}
