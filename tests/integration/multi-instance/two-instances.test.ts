/**
 * Two instances of the real service (src/main.ts in child processes on loopback) sharing one PostgreSQL and one
 * DATA_KEY (docs/decisions.md, "One machine, or many instances"): a fee published through A is answered by B within seconds, a chat
 * started on A resumes on B with its history, and a dossier saved through A is found by its reference on B.
 */
import { createPrintTokens, derivePrintKey } from '../../../src/dossiers/index.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/admin/auth/password.js';
import { openPostgresStorage } from '../../../src/storage/index.js';
import { buildBirthDossierValues } from '../../helpers/dossier-values.js';
import { copyCuratedKnowledge, startInstance, type Instance } from '../../helpers/instance-process.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { postgresRequired, postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { makeTempDir } from '../../helpers/storage.js';

const PASSWORD = 'mat-khau-du-dai-1';
const ENTRY_ID = 'dang-ky-khai-sinh';
const unavailable = postgresRequired() ? undefined : postgresUnavailableReason();

type Frame = Record<string, unknown> & { type: string };

/** A WebSocket used request → reply: resolves at the first frame of the expected type (or an error frame). */
async function openSocket(url: string): Promise<{ request(frame: object, expect: string): Promise<Frame>; close(): void }> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const queue: Frame[] = [];
  let waiting: ((frame: Frame) => void) | undefined;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (waiting) waiting(frame);
    else queue.push(frame);
  });
  const next = () => {
    const queued = queue.shift();
    return queued ? Promise.resolve(queued) : new Promise<Frame>((resolve) => (waiting = resolve));
  };
  return {
    async request(frame, expect) {
      ws.send(JSON.stringify(frame));
      const timeout = setTimeout(() => ws.terminate(), 10_000);
      try {
        for (;;) {
          const reply = await next();
          waiting = undefined;
          if (reply.type === expect || reply.type === 'error') return reply;
        }
      } finally {
        clearTimeout(timeout);
      }
    },
    close: () => ws.close(1000),
  };
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duyet', password: PASSWORD }) });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function adminFetch(url: string, session: { cookie: string; csrf: string }, pathname: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/admin/api${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: session.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': session.csrf }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Changes the first channel's fee of the birth registration through the workbench API and publishes it. */
async function publishFee(url: string, session: { cookie: string; csrf: string }, text: string, amountVnd: number): Promise<void> {
  const view = (await (await adminFetch(url, session, `/knowledge/entries/${ENTRY_ID}`)).json()) as { entry: { channels: { fee?: unknown }[] }; currentRevisionId: string | null };
  const content = { ...view.entry, channels: view.entry.channels.map((c, i) => (i === 0 ? { ...c, fee: { text, amountVnd } } : c)) };
  const draft = await adminFetch(url, session, `/knowledge/entries/${ENTRY_ID}/drafts`, { content, baseRevisionId: view.currentRevisionId, note: 'Lệ phí mới' });
  expect(draft.status, await draft.clone().text()).toBe(201);
  const { revision } = (await draft.json()) as { revision: { id: string } };
  const published = await adminFetch(url, session, `/revisions/${revision.id}/publish`, {});
  expect(published.status, await published.clone().text()).toBe(200);
}

/** Asks `url` about the fee until the answer contains `needle` (bounded); the milliseconds it took. */
async function waitForAnswer(url: string, needle: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let answer = '';
  while (performance.now() - started < timeoutMs) {
    answer = await askFee(url);
    if (answer.includes(needle)) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer with ${needle} after ${timeoutMs} ms; last: ${answer}`);
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function askFee(url: string): Promise<string> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text: 'lệ phí đăng ký khai sinh' } }) });
  const body = (await res.json()) as { frames: { type: string; text?: string }[] };
  return body.frames.find((f) => f.type === 'answer')?.text ?? '';
}

describe.skipIf(unavailable)(`two instances sharing one PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let pg: TestPostgres;
  let a: Instance;
  let b: Instance;
  let key: Buffer;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    cleanups.push(() => pg.stop());
    const temp = await makeTempDir('ward-two-instances-');
    cleanups.push(temp.cleanup);
    key = randomBytes(32);
    // The approver's account, made as `npm run admin:create-user` would, in the shared database.
    const storage = await openPostgresStorage({ url: pg.url, key, logger: buildSilentLogger() });
    try {
      await storage.officials.create({ username: 'duyet', displayName: 'Người duyệt', role: 'approver', passwordHash: await hashPassword(PASSWORD) });
    } finally {
      await storage.close();
    }
    const knowledgeDir = copyCuratedKnowledge(path.join(temp.dir, 'knowledge'));
    const common = { knowledgeDir, databaseUrl: pg.url, dataKey: key.toString('base64'), env: { CHAT_MESSAGES_PER_MINUTE_PER_IP: '10000' } };
    [a, b] = await Promise.all([
      startInstance({ ...common, dataDir: path.join(temp.dir, 'a') }),
      startInstance({ ...common, dataDir: path.join(temp.dir, 'b') }),
    ]);
    cleanups.push(() => a.stop(), () => b.stop());
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  }, 60_000);

  it('answers on B with a fee published on A, within a few seconds', async () => {
    expect(await askFee(b.url)).not.toContain('23.456');
    const session = await login(a.url);
    await publishFee(a.url, session, 'Lệ phí 23.456 đồng', 23456);
    expect(await askFee(a.url)).toContain('23.456');
    const ms = await waitForAnswer(b.url, '23.456', 5_000);
    console.info(`B answered with the fee published on A after ${ms} ms`);
    // The instance that published does not refresh from its own notice.
    expect(a.output()).not.toContain('published on another instance');
    expect(b.output()).toContain('published on another instance');
  }, 60_000);

  it('still serves on B what A published while the feed connections were down (resync on reconnect)', async () => {
    const killed = await sql(pg.url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ward-assistant-knowledge-feed'");
    expect(killed.rowCount).toBe(2);
    await publishFee(a.url, await login(a.url), 'Lệ phí 34.567 đồng', 34567);
    const ms = await waitForAnswer(b.url, '34.567', 15_000);
    console.info(`B answered with the fee published during the drop after ${ms} ms`);
    await expect.poll(() => b.output(), { timeout: 5_000 }).toContain('knowledge feed reconnected');
  }, 60_000);

  it('resumes on B a chat started on A, with its history', async () => {
    const onA = await openSocket(a.wsUrl);
    const hello = await onA.request({ type: 'hello', channel: 'widget' }, 'session');
    const sessionId = String(hello.sessionId);
    const first = await onA.request({ type: 'message', text: 'làm giấy khai sinh cần gì' }, 'answer');
    expect(first.type).toBe('answer');
    onA.close();

    const onB = await openSocket(b.wsUrl);
    const resumed = await onB.request({ type: 'hello', channel: 'widget', sessionId }, 'session');
    expect(resumed).toMatchObject({ sessionId, resumed: true });
    const history = resumed.history as { role: string; text: string }[];
    expect(history.map((m) => m.role)).toEqual(['citizen', 'assistant']);
    expect(history[0]?.text).toBe('làm giấy khai sinh cần gì');
    expect(history[1]?.text).toBe(first.text);
    // The dialogue state came along: a follow-up on B is about the procedure asked on A.
    const followUp = await onB.request({ type: 'followup', aspect: 'fee' }, 'answer');
    expect(followUp).toMatchObject({ type: 'answer', entryId: ENTRY_ID });
    onB.close();
  }, 60_000);

  it('finds on B, by reference, a dossier saved through A', async () => {
    const onA = await openSocket(a.wsUrl);
    const hello = await onA.request({ type: 'hello', channel: 'widget' }, 'session');
    onA.close();
    const sessionId = String(hello.sessionId);
    const saved = await fetch(`${a.url}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formId: 'to-khai-khai-sinh', values: buildBirthDossierValues(), channel: 'widget', sessionId }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    const { reference } = (await saved.json()) as { reference: string };

    // A print link signed with the key derived from the shared DATA_KEY (as instance A's chat issues it) opens on B.
    const { token } = createPrintTokens({ key: derivePrintKey(key) }).issue(reference);
    const print = await fetch(`${b.url}/api/dossiers/print?token=${encodeURIComponent(token)}`);
    expect(print.status).toBe(200);
    expect(await print.text()).toContain('Nguyễn Minh Khôi');
    const desk = await adminFetch(b.url, await login(b.url), `/dossiers/${reference}`);
    expect(desk.status).toBe(200);
    expect(JSON.stringify(await desk.json())).toContain('Nguyễn Minh Khôi');
  }, 60_000);
});
