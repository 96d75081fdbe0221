/**
 * SIGKILL in the middle of publishing a knowledge revision — at the storage write, after the UPDATE but before the
 * commit, and at the commit itself — must leave the draft a draft (never "published" without its audit entry or
 * half-applied), keep the database intact, and let the restarted service publish it and answer with it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/admin/auth/password.js';
import { parseEntryFile } from '../../../src/knowledge/load.js';
import type { Entry } from '../../../src/knowledge/schema.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server-process.js';
import { KNOWLEDGE_DIR } from '../../helpers/fault-server-compose.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';

const PASSWORD = 'mat-khau-du-dai-1';
const NEW_FEE = 'Lệ phí 23.456 đồng';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data directory holding an approver's account and a draft with a new fee, committed before any kill. */
async function prepare(): Promise<{ dataDir: string; dataKey: string; draftId: string }> {
  const temp = await makeTempDir('ward-kill-publish-');
  cleanups.push(temp.cleanup);
  const key = randomBytes(32);
  const dataDir = path.join(temp.dir, 'data');
  const storage = await openSqliteStorage({ dataDir, key, logger: buildSilentLogger() });
  try {
    const official = await storage.officials.create({ username: 'duyet', displayName: 'Người duyệt', role: 'approver', passwordHash: await hashPassword(PASSWORD) });
    const parsed = await parseEntryFile(path.join(KNOWLEDGE_DIR, 'curated', 'dang-ky-khai-sinh.yaml'));
    if (!parsed.ok) throw new Error('fixture entry does not parse');
    const entry: Entry = { ...parsed.entry, channels: parsed.entry.channels.map((c, i) => (i === 0 ? { ...c, fee: { text: NEW_FEE, amountVnd: 23456 } } : c)) };
    const draft = await storage.revisions.createDraft({ targetKind: 'entry', targetId: entry.id, content: entry, authorId: official.id });
    return { dataDir, dataKey: key.toString('base64'), draftId: draft.id };
  } finally {
    await storage.close();
  }
}

async function start(options: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const server = await startFaultServer(options);
  cleanups.push(() => server.stop());
  return server;
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duyet', password: PASSWORD }) });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function publish(url: string, session: { cookie: string; csrf: string }, draftId: string): Promise<Response> {
  return fetch(`${url}/admin/api/revisions/${draftId}/publish`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

async function askFee(url: string): Promise<string> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text: 'lệ phí đăng ký khai sinh' } }) });
  const body = (await res.json()) as { frames: { type: string; text?: string }[] };
  return body.frames.find((f) => f.type === 'answer')?.text ?? '';
}

describe('SIGKILL during a knowledge publish', () => {
  for (const killAt of ['revisions.publish', "sql:UPDATE revisions SET status = 'published'", 'transaction.commit']) {
    it(`keeps the draft whole when killed at ${killAt}, then publishes it after a restart`, async () => {
      const { dataDir, dataKey, draftId } = await prepare();
      const doomed = await start({ dataDir, dataKey, killAt, armed: false });
      const session = await login(doomed.url);
      await doomed.arm();
      await publish(doomed.url, session, draftId).catch(() => undefined);
      expect((await doomed.exited).signal, doomed.output()).toBe('SIGKILL');

      const db = new Database(path.join(dataDir, 'ward.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT status, publish_seq FROM revisions WHERE id = ?').get(draftId)).toEqual({ status: 'draft', publish_seq: null });
        expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'revision.publish'").get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }

      // The restarted service still cites the shipped fee, then publishes the same draft and cites the new one.
      const again = await start({ dataDir, dataKey });
      expect(await askFee(again.url)).not.toContain('23.456');
      const res = await publish(again.url, await login(again.url), draftId);
      expect(res.status).toBe(200);
      expect(await askFee(again.url)).toContain('23.456');
    });
  }

  it('serves a revision committed just before the kill after the restart (the overlay is in the database)', async () => {
    const { dataDir, dataKey, draftId } = await prepare();
    // Killed at the next write after the publish committed: the chat's first message.
    const doomed = await start({ dataDir, dataKey, killAt: 'sessions.create', armed: false });
    const session = await login(doomed.url);
    expect((await publish(doomed.url, session, draftId)).status).toBe(200);
    await doomed.arm();
    await askFee(doomed.url).catch(() => '');
    expect((await doomed.exited).signal, doomed.output()).toBe('SIGKILL');
    const again = await start({ dataDir, dataKey });
    expect(await askFee(again.url)).toContain('23.456');
  });
});
