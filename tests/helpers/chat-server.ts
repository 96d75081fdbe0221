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
import { SituationSchema, type Situation } from '../../src/knowledge/situation-schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../src/retrieval/search/index.js';
import type { Thresholds } from '../../src/retrieval/search/thresholds.js';
import { createApp, type AppDeps } from '../../src/server/index.js';
import { createPrintTokens } from '../../src/dossiers/index.js';
import { attachChatSocket, type ChatSocketOptions } from '../../src/server/ws/chat-socket.js';
import type { KioskClients } from '../../src/server/limits/kiosk-clients.js';
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
import { WidgetOriginsSetting } from '../../src/admin/settings/widget-origins.js';

const KNOWLEDGE = path.resolve('knowledge');

/** Two moments of life over the curated entries, for the chat's checklists. */
export const FIXTURE_SITUATIONS: Situation[] = [
  {
    id: 'chuyen-den-noi-o-moi',
    title: { vi: 'Chuyển đến nơi ở mới', en: 'Moving to a new home' },
    intro: { vi: 'Khi chuyển đến nơi ở mới, bạn có thể cần:', en: 'When you move to a new home, you may need:' },
    triggers: { vi: ['mới chuyển đến', 'moi chuyen den', 'chuyển nhà', 'chuyen nha', 'chuyển về phường'], en: ['moved here', 'just moved'] },
    procedures: [
      { id: 'dang-ky-thuong-tru', when: { vi: 'nếu ở hẳn tại nhà của mình hoặc người thân', en: 'if you settle for good' } },
      { id: 'dang-ky-tam-tru', when: { vi: 'nếu thuê nhà, ở trọ', en: 'if you rent' } },
      { id: 'xoa-dang-ky-thuong-tru' },
    ],
    verified: false,
  },
  {
    id: 'sinh-con',
    title: { vi: 'Sinh con', en: 'A baby is born' },
    intro: { vi: 'Khi gia đình có em bé mới sinh, bạn có thể cần:', en: 'When a baby is born, you may need:' },
    triggers: { vi: ['mới sinh em bé', 'moi sinh em be', 'vợ mới sinh', 'vo moi sinh', 'mới đẻ', 'moi de'], en: ['had a baby', 'newborn'] },
    procedures: [{ id: 'lien-thong-khai-sinh-thuong-tru-bhyt' }, { id: 'dang-ky-khai-sinh' }],
    verified: false,
  },
];

/** The shipped curated entries (fast to load; the whole catalogue is for benchmarks and the smoke test). */
export async function loadCuratedEntries(): Promise<Entry[]> {
  const files = (await readdir(path.join(KNOWLEDGE, 'curated'))).filter((f) => f.endsWith('.yaml'));
  const parsed = await Promise.all(files.map((f) => parseEntryFile(path.join(KNOWLEDGE, 'curated', f))));
  return parsed.flatMap((p) => (p.ok ? [p.entry] : []));
}

/** The shipped life situations, each keeping only the procedures among `entries` (as the loader does for unknown ids). */
export async function loadShippedSituations(entries: readonly Entry[]): Promise<Situation[]> {
  const ids = new Set(entries.map((entry) => entry.id));
  const files = (await readdir(path.join(KNOWLEDGE, 'situations'))).filter((f) => f.endsWith('.yaml'));
  const situations = await Promise.all(files.map(async (f) => SituationSchema.parse(parse(await readFile(path.join(KNOWLEDGE, 'situations', f), 'utf8')))));
  return situations.map((s) => ({ ...s, procedures: s.procedures.filter((p) => ids.has(p.id)) })).filter((s) => s.procedures.length > 0);
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
    chatMessagesPerMinute?: number;
    dossiersPerMinute?: number;
    kiosks?: KioskClients;
    trustProxy?: boolean;
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
    /** Moments of life for checklists, shipped to the workbench (the test fixture set by default; loadShippedSituations for the real ones). */
    situations?: Situation[];
    /** Abstention model (the conservative default unless a test needs the shipped, calibrated one). */
    thresholds?: Thresholds;
    /** A storage opened by the test (e.g. read-only) instead of a fresh temporary database. */
    storage?: Storage;
    /** Further app dependencies (read-aloud, voice input). */
    appDeps?: Partial<AppDeps>;
  } = {},
) {
  const entries = options.entries ?? (await loadCuratedEntries());
  const situations = options.situations ?? FIXTURE_SITUATIONS;
  const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.join(KNOWLEDGE, 'synonyms.yaml'), 'utf8'))).synonyms;
  const retriever = new Retriever({ entries, synonyms, thresholds: options.thresholds ?? DEFAULT_THRESHOLDS });
  const ward = (await loadWardSettings(path.join(KNOWLEDGE, 'ward-settings.example.yaml'))).settings;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-chat-'));
  const logger = options.logger ?? buildSilentLogger();
  const storage = options.storage ?? (await openSqliteStorage({ dataDir, key: randomBytes(32), logger }));
  const workbench = await KnowledgeWorkbench.open({ storage, baselineEntries: entries, baselineWard: ward, baselineSituations: situations, logger });
  // Published revisions from the database win over the files, as in main.ts; publishing re-indexes in place.
  retriever.updateEntries(workbench.entries());
  workbench.setReindexer(async (next) => {
    const started = performance.now();
    const update = retriever.updateEntries(next);
    return { ...update, ms: Math.round(performance.now() - started) };
  });
  // One key for the engine that signs print links and the app that reads them, as main.ts does.
  const printTokens = createPrintTokens({ key: randomBytes(32) });
  // The live list admins edit, shared with the chat socket as main.ts does (WIDGET_ORIGINS as its default).
  const widgetOrigins = new WidgetOriginsSetting({ defaults: options.widgetOrigins ?? [], getStorage: () => storage, logger });
  await widgetOrigins.refresh();
  const engine = new ChatEngine({
    retrieval: () => retriever,
    storage,
    ward: () => workbench.ward(),
    // The situations in force, as main.ts injects them: a publish in the workbench reaches the next answer.
    situations: () => workbench.situations(),
    logger,
    rephraser: options.rephraser,
    forms: createFormCatalog(),
    printTokens,
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
    printTokens,
    ...(options.authPolicy ? { authPolicy: options.authPolicy } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.chatMessagesPerMinutePerIp ? { chatMessagesPerMinutePerIp: options.chatMessagesPerMinutePerIp } : {}),
    ...(options.chatMessagesPerMinute ? { chatMessagesPerMinute: options.chatMessagesPerMinute } : {}),
    ...(options.dossiersPerMinute ? { dossiersPerMinute: options.dossiersPerMinute } : {}),
    ...(options.kiosks ? { kiosks: options.kiosks } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.uiDir ? { uiDir: options.uiDir } : {}),
    ...(options.kioskIdleSeconds ? { kioskIdleSeconds: options.kioskIdleSeconds } : {}),
    ...(options.widgetOrigins ? { widgetOrigins: options.widgetOrigins } : {}),
    widgetOriginSetting: widgetOrigins,
    ...options.appDeps,
  });
  return { app, engine, storage, dataDir, logger, workbench, retriever, printTokens, widgetOrigins };
}

/** Starts the real app with the chat socket on port 0, over the curated entries and a temporary database. */
export async function startChatServer(
  options: Partial<Omit<ChatSocketOptions, 'engine' | 'logger'>> & { adminToken?: string; uiDir?: string; kioskIdleSeconds?: number; thresholds?: Thresholds; appDeps?: Partial<AppDeps>; entries?: Entry[] } = {},
): Promise<TestChatServer> {
  const { adminToken, uiDir, kioskIdleSeconds, thresholds, appDeps, entries, ...socketOptions } = options;
  const { app, engine, storage, dataDir, logger, workbench, widgetOrigins } = await buildChatApp({
    ...(entries ? { entries } : {}),
    ...(thresholds ? { thresholds } : {}),
    ...(appDeps ? { appDeps } : {}),
    ...(adminToken ? { adminToken } : {}),
    ...(uiDir ? { uiDir } : {}),
    ...(kioskIdleSeconds ? { kioskIdleSeconds } : {}),
    ...(options.allowedOrigins ? { widgetOrigins: typeof options.allowedOrigins === 'function' ? [...options.allowedOrigins()] : [...options.allowedOrigins] } : {}),
    ...(options.kiosks ? { kiosks: options.kiosks } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server)) as Server;
  });
  const socket = attachChatSocket(server, { engine, logger, trustProxy: false, ...socketOptions, allowedOrigins: () => widgetOrigins.current() });
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
