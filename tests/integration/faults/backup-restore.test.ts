/**
 * `npm run backup`: an online copy of a database the service is writing to (WAL), restored into a fresh DATA_DIR,
 * gives back every row, decrypted with the same key — and nothing without it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../src/storage/cli/backup-database.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import type { Storage } from '../../../src/storage/types.js';
import { buildCapturingLogger, buildSilentLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';
import { buildBirthDossierValues } from './support.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const temp = await makeTempDir('ward-backup-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

async function open(dataDir: string, key: Buffer, logger = buildSilentLogger()): Promise<Storage> {
  const storage = await openSqliteStorage({ dataDir, key, logger });
  cleanups.push(() => storage.close());
  return storage;
}

const SECRETS = ['Nguyễn Minh Khôi', '001090012345', 'Hàng Bài', 'tôi tên Lan'];

/** A storage with one of everything: a conversation with state, feedback, a ticket, a gap and a dossier. */
async function fill(storage: Storage) {
  const session = await storage.sessions.create({ channel: 'widget', language: 'vi', state: { language: 'vi', note: 'tôi tên Lan' } });
  await storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'tôi tên Lan, hỏi đăng ký tạm trú' });
  const answerId = await storage.messages.append({ sessionId: session.id, role: 'assistant', text: 'Bạn cần mang CCCD.', meta: { kind: 'answer' } });
  await storage.feedback.add({ sessionId: session.id, messageId: answerId, rating: 'down', comment: 'tôi tên Lan, chưa rõ' });
  const ticket = await storage.tickets.create({ sessionId: session.id, topic: 'dang-ky-tam-tru' });
  const gap = await storage.gaps.add({ question: 'giá vàng hôm nay', language: 'vi', reason: 'out-of-scope' });
  const dossier = await storage.dossiers.create({ formId: 'to-khai-khai-sinh', sessionId: session.id, values: buildBirthDossierValues(), channel: 'widget' });
  return { session, answerId, ticket, gap, dossier };
}

describe('backup and restore', () => {
  it('copies an open database online (WAL) and restores every row, decrypted with the same key', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const key = randomBytes(32);
    const live = await open(dataDir, key);
    const filled = await fill(live);
    // The rows are still in the WAL, not in ward.db: a plain file copy of ward.db alone would miss them.
    expect((await stat(path.join(dataDir, 'ward.db-wal'))).size).toBeGreaterThan(0);

    const backupDir = await tempDir();
    const destination = path.join(backupDir, 'ward-backup.db');
    // The service keeps writing while the copy is taken; the copy is a consistent snapshot either way.
    const [report] = await Promise.all([
      backupDatabase({ source: path.join(dataDir, 'ward.db'), destination }),
      live.messages.append({ sessionId: filled.session.id, role: 'citizen', text: 'một câu nữa' }),
    ]);
    expect(report).toMatchObject({ destination, rows: expect.objectContaining({ sessions: 1, dossiers: 1, tickets: 1, gaps: 1, feedback: 1 }) });
    expect(report.rows.messages).toBeGreaterThanOrEqual(2);
    expect((await stat(destination)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(destination);
    for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);

    // Restore: a fresh DATA_DIR with the copy as ward.db (no -wal/-shm), opened with the same key.
    const restoredDir = path.join(await tempDir(), 'data');
    await mkdir(restoredDir);
    await copyFile(destination, path.join(restoredDir, 'ward.db'));
    const restored = await open(restoredDir, key);
    expect((await restored.sessions.get(filled.session.id))?.state).toEqual({ language: 'vi', note: 'tôi tên Lan' });
    const texts = (await restored.messages.list(filled.session.id)).map((m) => m.text);
    expect(texts.slice(0, 2)).toEqual(['tôi tên Lan, hỏi đăng ký tạm trú', 'Bạn cần mang CCCD.']);
    expect(await restored.feedback.list()).toEqual([expect.objectContaining({ messageId: filled.answerId, rating: 'down', comment: 'tôi tên Lan, chưa rõ' })]);
    expect(await restored.tickets.get(filled.ticket.id)).toMatchObject({ number: filled.ticket.number, topic: 'dang-ky-tam-tru' });
    expect((await restored.gaps.list()).map((g) => g.question)).toEqual(['giá vàng hôm nay']);
    expect((await restored.dossiers.getByReference(filled.dossier.reference))?.values).toEqual(filled.dossier.values);
    // And the restored database takes new writes.
    expect((await restored.dossiers.create({ formId: 'to-khai-khai-sinh', values: buildBirthDossierValues(), channel: 'http' })).reference).toMatch(/^HS-/);
  });

  it('refuses a restored copy opened with a different key, saying the key does not match', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    await fill(await open(dataDir, randomBytes(32)));
    const destination = path.join(await tempDir(), 'copy.db');
    await backupDatabase({ source: path.join(dataDir, 'ward.db'), destination });
    const restoredDir = path.join(await tempDir(), 'data');
    await mkdir(restoredDir);
    await copyFile(destination, path.join(restoredDir, 'ward.db'));

    const { logger, lines } = buildCapturingLogger('error');
    const refused = openSqliteStorage({ dataDir: restoredDir, key: randomBytes(32), logger });
    await expect(refused).rejects.toMatchObject({ code: 'storage_corrupt', cause: expect.objectContaining({ message: 'data key does not match the database' }) });
    expect(lines().join('\n')).toContain('the data key does not match this database (DATA_KEY or the key file changed?); refusing to open');
  });

  it('names the path when the database is missing or the destination cannot be written', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const source = path.join(dataDir, 'ward.db');
    await expect(backupDatabase({ source, destination: path.join(dir, 'a.db') })).rejects.toMatchObject({ code: 'backup_source_missing', message: expect.stringContaining(source) });

    await open(dataDir, randomBytes(32));
    const noFolder = path.join(dir, 'usb-not-mounted', 'copy.db');
    await expect(backupDatabase({ source, destination: noFolder })).rejects.toMatchObject({ code: 'backup_destination_unwritable', message: expect.stringContaining(noFolder) });
    await expect(backupDatabase({ source, destination: dir })).rejects.toMatchObject({ code: 'backup_destination_invalid', message: expect.stringContaining(dir) });
    await expect(backupDatabase({ source, destination: source })).rejects.toMatchObject({ code: 'backup_destination_invalid' });
    const existing = path.join(dir, 'copy.db');
    await backupDatabase({ source, destination: existing });
    await expect(backupDatabase({ source, destination: existing })).rejects.toMatchObject({ code: 'backup_destination_exists', message: expect.stringContaining('--force') });
    await expect(backupDatabase({ source, destination: existing, overwrite: true })).resolves.toMatchObject({ destination: existing });
  });

  it('runs as `npm run backup -- <file>`: prints what it wrote and reminds to keep the key elsewhere', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    await fill(await open(dataDir, randomBytes(32)));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/storage/cli/backup.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, KEY_FILE: path.join(dir, 'keys', 'data.key'), DATA_KEY: '' },
        encoding: 'utf8',
      });
    const destination = path.join(dir, 'ward-2026-03-10.db');
    const ok = run(destination);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`→ ${destination}`);
    expect(ok.stdout).toMatch(/dossiers 1/);
    expect(ok.stdout).toContain(`key file ${path.join(dir, 'keys', 'data.key')}`);
    expect(ok.stdout).toMatch(/NOT in this backup/);

    const bad = run(path.join(dir, 'missing', 'copy.db'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`Cannot write the backup to ${path.join(dir, 'missing', 'copy.db')}`);
    const usage = run();
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run backup -- <backup file>/);
  });
});
