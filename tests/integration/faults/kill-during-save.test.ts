/**
 * SIGKILL in the middle of a dossier save — reached through an injected kill point, not by timing luck — must lose
 * nothing that was committed before, never leave half a dossier, keep the database intact, and let the service
 * start again on the same directory and save the next dossier.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../../src/storage/index.js';
import type { Storage } from '../../../src/storage/types.js';
import { ChatClient } from '../../helpers/chat-server.js';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server-process.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';
import { buildBirthDossierValues, fillBirthFormToReview, postBirthDossier } from './support.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDataDir(): Promise<{ dataDir: string; key: Buffer; dataKey: string }> {
  const temp = await makeTempDir('ward-kill-');
  cleanups.push(temp.cleanup);
  const key = randomBytes(32);
  return { dataDir: path.join(temp.dir, 'data'), key, dataKey: key.toString('base64') };
}

async function start(options: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const server = await startFaultServer(options);
  cleanups.push(() => server.stop());
  return server;
}

/** The database as a crash left it: integrity, foreign keys, and every dossier row whole. */
function inspectDatabase(dataDir: string) {
  const db = new Database(path.join(dataDir, 'ward.db'));
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeyProblems: db.pragma('foreign_key_check') as unknown[],
      dossiers: db.prepare('SELECT COUNT(*) AS n FROM dossiers').get() as { n: number },
      // A half-written dossier would show as a row without values or a reference to a session that is not there.
      broken: db
        .prepare(
          `SELECT COUNT(*) AS n FROM dossiers
           WHERE sealed_values IS NULL OR length(sealed_values) = 0 OR reference = ''
              OR (session_id IS NOT NULL AND session_id NOT IN (SELECT id FROM sessions))`,
        )
        .get() as { n: number },
    };
  } finally {
    db.close();
  }
}

async function openStorage(dataDir: string, key: Buffer): Promise<Storage> {
  const storage = await openSqliteStorage({ dataDir, key, logger: buildSilentLogger() });
  cleanups.push(() => storage.close());
  return storage;
}

/** A request whose server dies under it: resolves with the failure instead of throwing. */
async function requestThatDies(send: () => Promise<Response>): Promise<unknown> {
  return send().then(
    (res) => new Error(`the server answered ${res.status} instead of dying`),
    (error: unknown) => error,
  );
}

describe('SIGKILL during a dossier save over HTTP', () => {
  it.each([
    ['just before the write begins', 'dossiers.create'],
    ['after the INSERT ran, before its transaction commits', 'sql:INSERT INTO dossiers'],
  ])('%s: the committed data survives, the killed dossier is absent, and the service starts again', { timeout: 120_000 }, async (_when, killAt) => {
    const { dataDir, key, dataKey } = await freshDataDir();
    const first = await start({ dataDir, dataKey, killAt, armed: false });

    // Committed before the kill: a conversation with a ticket, and a dossier.
    const client = await ChatClient.connect(first.wsUrl);
    const { sessionId } = await client.ask({ type: 'hello', channel: 'widget' }, 'session');
    const answer = await client.ask({ type: 'message', text: 'đăng ký tạm trú' }, 'answer');
    expect(answer.citations[0]?.id).toBe('dang-ky-tam-tru');
    client.close();
    // The queue ticket is the kiosk's (the widget gives the ward's contact instead).
    const kiosk = await ChatClient.connect(first.wsUrl);
    const { sessionId: kioskSessionId } = await kiosk.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    await kiosk.ask({ type: 'message', text: 'đăng ký tạm trú' }, 'answer');
    const ticket = await kiosk.ask({ type: 'handover' }, 'ticket');
    kiosk.close();
    const saved = await postBirthDossier(first.url);
    expect(saved.status).toBe(201);
    const { reference } = (await saved.json()) as { reference: string };

    await first.arm();
    const failure = await requestThatDies(() => postBirthDossier(first.url));
    expect(failure).toBeInstanceOf(TypeError); // fetch failed: the connection died with the process
    expect(await first.exited, first.output()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(first.output()).toContain(`SIGKILL at ${killAt}`);
    expect(existsSync(path.join(dataDir, 'ward.db-wal'))).toBe(true); // a crash, not a clean close

    expect(inspectDatabase(dataDir)).toEqual({ integrity: 'ok', foreignKeyProblems: [], dossiers: { n: 1 }, broken: { n: 0 } });
    const storage = await openStorage(dataDir, key);
    expect((await storage.messages.list(sessionId)).map((m) => m.text)).toEqual(['đăng ký tạm trú', answer.text]);
    expect(await storage.tickets.get(ticket.ticket.id)).toMatchObject({ number: ticket.ticket.number, status: 'waiting', sessionId: kioskSessionId });
    expect((await storage.dossiers.getByReference(reference))?.values).toMatchObject({ 'tre.ho_ten': 'Nguyễn Minh Khôi', 'nguoi_yeu_cau.so_dinh_danh': '001090012345' });
    expect(await storage.dossiers.listToday()).toHaveLength(1);
    await storage.close();

    // A normal start on the same directory: the conversation resumes and the next dossier saves.
    const second = await start({ dataDir, dataKey });
    const again = await ChatClient.connect(second.wsUrl);
    const resumed = await again.ask({ type: 'hello', sessionId, channel: 'widget' }, 'session');
    expect(resumed).toMatchObject({ resumed: true, sessionId });
    expect(resumed.history.map((m) => m.text)).toEqual(['đăng ký tạm trú', answer.text]);
    again.close();
    const next = await postBirthDossier(second.url);
    expect(next.status).toBe(201);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
    const after = await openStorage(dataDir, key);
    expect((await after.dossiers.listToday()).map((d) => d.reference)).toEqual([reference, ((await next.json()) as { reference: string }).reference]);
    expect(inspectDatabase(dataDir).integrity).toBe('ok');
  });
});

describe('SIGKILL at the commit of a dossier saved in the chat', () => {
  it('loses the dossier, its confirmation and the finished form together; the citizen confirms again after the restart', { timeout: 120_000 }, async () => {
    const { dataDir, key, dataKey } = await freshDataDir();
    const first = await start({ dataDir, dataKey, killAt: 'transaction.commit', armed: false });
    const client = await ChatClient.connect(first.wsUrl);
    const { sessionId } = await client.ask({ type: 'hello', channel: 'widget' }, 'session');
    const review = await fillBirthFormToReview(client);
    expect(review.form?.stage).toBe('review');

    await first.arm();
    const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
    client.send({ type: 'message', text: 'đúng rồi' });
    expect(await first.exited, first.output()).toEqual({ code: null, signal: 'SIGKILL' });
    await closed;

    expect(inspectDatabase(dataDir)).toEqual({ integrity: 'ok', foreignKeyProblems: [], dossiers: { n: 0 }, broken: { n: 0 } });
    const storage = await openStorage(dataDir, key);
    const session = await storage.sessions.get(sessionId);
    // The form is still at its summary, with everything the citizen typed, and no confirmation was stored.
    expect(session?.state).toMatchObject({ form: { stage: 'review', values: { 'tre.ho_ten': 'Nguyễn Minh Khôi' } } });
    const messages = await storage.messages.list(sessionId);
    expect(messages.at(-1)).toMatchObject({ role: 'citizen', text: 'đúng rồi' });
    expect(messages.some((m) => /HS-/.test(m.text))).toBe(false);
    await storage.close();

    const second = await start({ dataDir, dataKey });
    const again = await ChatClient.connect(second.wsUrl);
    expect(await again.ask({ type: 'hello', sessionId, channel: 'widget' }, 'session')).toMatchObject({ resumed: true });
    const saved = await again.ask({ type: 'message', text: 'đúng rồi' }, 'answer');
    expect(saved.dossier?.reference).toMatch(/^HS-/);
    expect((await fetch(`${second.url}${saved.dossier!.printUrl}`)).status).toBe(200);
    again.close();
    await second.stop();

    const after = await openStorage(dataDir, key);
    const dossiers = await after.dossiers.listToday();
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({ reference: saved.dossier!.reference, sessionId, values: expect.objectContaining({ 'tre.ho_ten': buildBirthDossierValues()['tre.ho_ten'] }) });
    expect((await after.messages.list(sessionId)).at(-1)?.text).toContain(saved.dossier!.reference);
  });
});
