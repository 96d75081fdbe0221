/**
 * The PostgreSQL knowledge feed: a notice sent by one instance reaches the others (and is marked with its origin),
 * a malformed notice is ignored, and after its connection is killed the feed reconnects and asks for a resync.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeFeed, KnowledgeFeedEvent } from '../../../src/storage/knowledge-feed.js';
import { KNOWLEDGE_CHANNEL, openPostgresKnowledgeFeed } from '../../../src/storage/postgres/knowledge-feed.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { postgresRequired, postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';

const unavailable = postgresRequired() ? undefined : postgresUnavailableReason();

/** Resolves with the first event `accept` takes, or rejects after `ms`. */
function nextEvent(feed: KnowledgeFeed, accept: (event: KnowledgeFeedEvent) => boolean, ms = 5_000): Promise<KnowledgeFeedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('no event'));
    }, ms);
    const unsubscribe = feed.subscribe((event) => {
      if (!accept(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

async function query(url: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

describe.skipIf(unavailable)(`PostgreSQL knowledge feed${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let db: TestPostgres;
  const feeds: KnowledgeFeed[] = [];
  const open = async (instanceId: string) => {
    const feed = await openPostgresKnowledgeFeed({ url: db.url, logger: buildSilentLogger(), instanceId, backoffMs: { min: 50, max: 400 } });
    feeds.push(feed);
    return feed;
  };

  beforeAll(async () => {
    db = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    await db?.stop();
  });

  it('delivers a change to the other instance with its origin', async () => {
    const a = await open('instance-a');
    const b = await open('instance-b');
    const heard = nextEvent(b, (e) => e.kind === 'change');
    await a.notify({ targetKind: 'entry', targetId: 'dang-ky-khai-sinh', revisionId: 'r1' });
    expect(await heard).toEqual({ kind: 'change', origin: 'instance-a', targetKind: 'entry', targetId: 'dang-ky-khai-sinh', revisionId: 'r1' });
  });

  it('carries a published life situation too', async () => {
    const a = await open('instance-s1');
    const b = await open('instance-s2');
    const heard = nextEvent(b, (e) => e.kind === 'change');
    await a.notify({ targetKind: 'situation', targetId: 'sinh-con', revisionId: 'r2' });
    expect(await heard).toMatchObject({ kind: 'change', targetKind: 'situation', targetId: 'sinh-con' });
  });

  it('ignores a malformed notice', async () => {
    const b = await open('instance-c');
    const events: KnowledgeFeedEvent[] = [];
    b.subscribe((e) => events.push(e));
    await query(db.url, 'SELECT pg_notify($1, $2)', [KNOWLEDGE_CHANNEL, '{"o":1}']);
    await query(db.url, 'SELECT pg_notify($1, $2)', [KNOWLEDGE_CHANNEL, JSON.stringify({ o: 'x', k: 'entry', t: 'e', r: 'r' })]);
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ kind: 'change', origin: 'x' });
  });

  it('reconnects after its connection is killed, asks for a resync, and hears changes again', async () => {
    const a = await open('instance-d');
    const b = await open('instance-e');
    const resync = nextEvent(b, (e) => e.kind === 'resync', 10_000);
    const killed = await query(db.url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ward-assistant-knowledge-feed' AND query LIKE 'LISTEN%'");
    expect(killed.rowCount).toBeGreaterThan(0);
    expect(await resync).toEqual({ kind: 'resync' });
    // Every feed was cut: wait until A is back too, then it is heard again.
    await expect
      .poll(async () => {
        const heard = nextEvent(b, (e) => e.kind === 'change' && e.revisionId === 'r2', 300);
        await a.notify({ targetKind: 'entry', targetId: 'x', revisionId: 'r2' }).catch(() => undefined);
        return heard.then(
          () => true,
          () => false,
        );
      }, { timeout: 10_000, interval: 100 })
      .toBe(true);
  });
});
