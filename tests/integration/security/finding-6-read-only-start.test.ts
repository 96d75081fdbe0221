import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerFrame, ServerFrame } from '../../../src/chat/protocol.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import { buildChatApp } from '../../helpers/chat-server.js';
import { buildBirthDossierValues } from '../../helpers/dossier-values.js';
import { copyCuratedKnowledge, startInstance, type Instance } from '../../helpers/instance-process.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';
import { errorOf, post } from './support.js';

// Finding 6: with an existing database on a read-only mount the service exited at start ("cannot open the
// database"), though the docs promise it keeps answering.
type ChatReply = { sessionId: string | null; frames: ServerFrame[] };

/** A database with some history, closed, as a ward's would be before its disk turned read-only. */
async function existingDatabase(dataDir: string, key: Buffer): Promise<void> {
  const storage = await openSqliteStorage({ dataDir, key, logger: buildSilentLogger() });
  const session = await storage.sessions.create({ channel: 'widget', language: 'vi' });
  await storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'xin chào' });
  await storage.close();
}

// What SQLite says when the mount is read-only: the read-write open is what fails first.
const readOnlyDisk = {
  beforeOpenForWriting: () => {
    throw Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
  },
};

describe('finding 6: a database that cannot be written is opened read-only', () => {
  let instance: Instance | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await instance?.stop();
    await cleanup?.();
    instance = undefined;
  });

  it('answers questions and refuses writes politely, as with a full disk', async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    const dataDir = path.join(temp.dir, 'data');
    const key = randomBytes(32);
    await existingDatabase(dataDir, key);
    const storage = await openSqliteStorage({ dataDir, key, logger: buildSilentLogger(), faults: readOnlyDisk });
    const { app } = await buildChatApp({ storage });

    const first = (await (await post(app, '/api/chat', { frame: { type: 'message', text: 'đăng ký tạm trú cần giấy tờ gì' } })).json()) as ChatReply;
    const answer = first.frames.find((f): f is AnswerFrame => f.type === 'answer');
    expect(answer?.citations[0]?.id).toBe('dang-ky-tam-tru');
    // The conversation goes on in memory.
    const next = (await (await post(app, '/api/chat', { sessionId: first.sessionId, frame: { type: 'message', text: 'mất bao lâu?' } })).json()) as ChatReply;
    expect((next.frames[0] as AnswerFrame).entryId).toBe('dang-ky-tam-tru');

    const ticket = await post(app, '/api/chat', { sessionId: first.sessionId, frame: { type: 'handover' } });
    expect(ticket.status).toBe(503);
    expect(await errorOf(ticket)).toMatchObject({ code: 'storage_unavailable', message: expect.stringMatching(/quầy|bộ phận/) });
    const dossier = await post(app, '/api/dossiers', { formId: 'to-khai-khai-sinh', values: buildBirthDossierValues() });
    expect(dossier.status).toBe(503);
    expect(await errorOf(dossier)).toMatchObject({ code: 'storage_unavailable' });
    await storage.close();
  });

  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount --bind "$d" "$d" && mount -o remount,ro,bind "$d" "$d" && ! touch "$d/x" 2>/dev/null'], { stdio: 'ignore' }).status === 0;

  it.skipIf(!canMount)('the real service starts on a read-only mount and answers (unshare + a read-only bind mount)', { timeout: 120_000 }, async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    const dataDir = path.join(temp.dir, 'data');
    const key = randomBytes(32);
    await existingDatabase(dataDir, key);
    const knowledgeDir = copyCuratedKnowledge(path.join(temp.dir, 'knowledge'));
    mkdirSync(path.join(temp.dir, 'secrets'));
    instance = await startInstance({
      dataDir,
      knowledgeDir,
      dataKey: key.toString('hex'),
      env: { KEY_FILE: path.join(temp.dir, 'secrets', 'unused.key') },
      launch: (command, args) => ({
        command: 'unshare',
        args: ['-rm', 'sh', '-c', `mount --bind "${dataDir}" "${dataDir}" && mount -o remount,ro,bind "${dataDir}" "${dataDir}" && exec "$0" "$@"`, command, ...args],
      }),
    });
    expect(instance.output()).toMatch(/opened read-only/);
    const res = await fetch(`${instance.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text: 'đăng ký khai sinh cần gì' } }) });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as ChatReply;
    expect(reply.frames.find((f): f is AnswerFrame => f.type === 'answer')?.kind).toBe('answer');
    const ticket = await fetch(`${instance.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: reply.sessionId, frame: { type: 'handover' } }) });
    expect(ticket.status).toBe(503);
  });
});
