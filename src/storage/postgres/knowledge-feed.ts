/**
 * The knowledge feed between instances sharing one PostgreSQL: LISTEN/NOTIFY on one channel over a dedicated
 * connection (a pooled one would lose its LISTEN when returned to the pool). The connection is re-opened with
 * backoff when it drops; after a drop, listeners are told to re-read everything, since notices sent meanwhile are
 * lost (NOTIFY is not queued for a session that is not there).
 */
import { z } from 'zod';
import { createInstanceId, type KnowledgeChange, type KnowledgeFeed, type KnowledgeFeedHandler } from '../knowledge-feed.js';
import type { Logger } from '../../shared/logger.js';

/** The channel every instance listens on. */
export const KNOWLEDGE_CHANNEL = 'ward_knowledge';

/** The part of pg's `Client` the feed uses (kept structural so tests can hand in a fake). */
export interface ListenClient {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string | undefined }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  end(): Promise<unknown>;
}

export interface OpenPostgresKnowledgeFeedOptions {
  /** DATABASE_URL (secret: never logged). */
  url: string;
  logger: Logger;
  instanceId?: string;
  channel?: string;
  /** Builds the dedicated connection; pg's Client by default. */
  createClient?: (url: string) => ListenClient | Promise<ListenClient>;
  /** First and longest wait between reconnection attempts. */
  backoffMs?: { min: number; max: number };
  /** A `SELECT 1` this often notices a silently dead connection (a NAT or proxy dropping idle TCP). */
  heartbeatMs?: number;
}

/** What travels in a NOTIFY payload (short keys: the payload is limited to 8000 bytes). */
const PayloadSchema = z.object({
  o: z.string().min(1),
  k: z.enum(['entry', 'ward-settings', 'situation']),
  t: z.string().min(1),
  r: z.string().min(1),
});

/** Opens the feed and waits for the first LISTEN; rejects when the database cannot be reached at all. */
export async function openPostgresKnowledgeFeed(options: OpenPostgresKnowledgeFeedOptions): Promise<KnowledgeFeed> {
  const feed = new PostgresKnowledgeFeed(options);
  await feed.start();
  return feed;
}

class PostgresKnowledgeFeed implements KnowledgeFeed {
  readonly instanceId: string;
  private readonly channel: string;
  private readonly log: Logger;
  private readonly handlers = new Set<KnowledgeFeedHandler>();
  private readonly backoff: { min: number; max: number };
  private readonly heartbeatMs: number;
  private client: ListenClient | undefined;
  /** Changes published here while the connection was down: sent as soon as it is back. */
  private unsent: KnowledgeChange[] = [];
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: OpenPostgresKnowledgeFeedOptions) {
    this.instanceId = options.instanceId ?? createInstanceId();
    this.channel = options.channel ?? KNOWLEDGE_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.channel)) throw new Error('the knowledge channel must be a plain lower-case identifier');
    this.log = options.logger.child({ module: 'knowledge-feed' });
    this.backoff = options.backoffMs ?? { min: 500, max: 30_000 };
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  async notify(change: KnowledgeChange): Promise<void> {
    const client = this.client;
    if (!client) {
      this.keepUnsent(change);
      return;
    }
    try {
      await this.send(client, change);
    } catch (error) {
      this.keepUnsent(change);
      throw error;
    }
  }

  subscribe(handler: KnowledgeFeedHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeat);
    this.handlers.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = await (this.options.createClient ?? createPgClient)(this.options.url);
    // Listeners first: an error between connect and LISTEN must not crash the process as an unhandled 'error'.
    client.on('error', (error) => this.dropped(client, error.message));
    client.on('end', () => this.dropped(client, 'connection ended'));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.attempt > 0;
    this.client = client;
    this.attempt = 0;
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.dropped(client, error instanceof Error ? error.message : String(error)));
    }, this.heartbeatMs);
    this.heartbeat.unref();
    if (reconnected) {
      this.log.info({ channel: this.channel }, 'knowledge feed reconnected; re-reading published knowledge');
      await this.flushUnsent(client);
      this.emit({ kind: 'resync' });
    }
  }

  private dropped(client: ListenClient, reason: string): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    void client.end().catch(() => undefined);
    this.log.warn({ reason }, 'knowledge feed connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.attempt += 1;
    const wait = Math.min(this.backoff.max, this.backoff.min * 2 ** (this.attempt - 1));
    // Jitter, so that every instance does not knock on the database at the same instant after it restarts.
    const delay = Math.round(wait * (0.75 + Math.random() * 0.5));
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        this.log.warn({ attempt: this.attempt, reason: error instanceof Error ? error.message : String(error) }, 'knowledge feed reconnection failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  private async send(client: ListenClient, change: KnowledgeChange): Promise<void> {
    const payload = JSON.stringify({ o: this.instanceId, k: change.targetKind, t: change.targetId, r: change.revisionId } satisfies z.infer<typeof PayloadSchema>);
    await client.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  private keepUnsent(change: KnowledgeChange): void {
    // Bounded: past this, the other instances' resync on our reconnect is no help, but their next restart is.
    if (this.unsent.length < 1000) this.unsent.push(change);
  }

  private async flushUnsent(client: ListenClient): Promise<void> {
    const pending = this.unsent;
    this.unsent = [];
    for (const [i, change] of pending.entries()) {
      try {
        await this.send(client, change);
      } catch {
        this.unsent.push(...pending.slice(i));
        return;
      }
    }
  }

  private deliver(payload: string | undefined): void {
    let parsed: z.infer<typeof PayloadSchema>;
    try {
      parsed = PayloadSchema.parse(JSON.parse(payload ?? ''));
    } catch {
      this.log.warn({ channel: this.channel }, 'ignored a malformed knowledge notice');
      return;
    }
    this.emit({ kind: 'change', origin: parsed.o, targetKind: parsed.k, targetId: parsed.t, revisionId: parsed.r });
  }

  private emit(event: Parameters<KnowledgeFeedHandler>[0]): void {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (error) {
        this.log.error({ reason: error instanceof Error ? error.message : String(error) }, 'knowledge feed handler failed');
      }
    }
  }
}

/** pg's Client, loaded when first needed so that a SQLite deployment never loads the PostgreSQL driver. */
async function createPgClient(url: string): Promise<ListenClient> {
  const { default: pg } = await import('pg');
  return new pg.Client({ connectionString: url, keepAlive: true, application_name: 'ward-assistant-knowledge-feed' });
}
