import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptJson } from '../../../src/storage/crypto.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import { verifyDataKey } from '../../../src/storage/sqlite/key-check.js';
import { MIGRATIONS, runMigrations } from '../../../src/storage/sqlite/migrations.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { buildTestStorage, makeTempDir, openRaw } from '../../helpers/storage.js';
import { randomBytes } from 'node:crypto';

let root: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

describe('migrations', () => {
  it('creates the data directory and ward.db in WAL mode with foreign keys on', async () => {
    const dataDir = path.join(root, 'a', 'b', 'data');
    const { storage, file } = await buildTestStorage({ dataDir });
    expect(file).toBe(path.join(dataDir, 'ward.db'));
    expect(existsSync(file)).toBe(true);
    await storage.close();
    const raw = openRaw(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('runs each migration once and is idempotent on restart', async () => {
    const dataDir = path.join(root, 'data');
    const key = randomBytes(32);
    for (let start = 0; start < 3; start += 1) {
      const { storage } = await buildTestStorage({ dataDir, key });
      await storage.close();
    }
    const raw = openRaw(path.join(dataDir, 'ward.db'));
    const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(runMigrations(raw)).toBe(0);
    raw.close();
  });

  it('applies only the new steps when a release adds one', () => {
    const raw = openRaw(path.join(root, 'x.db'));
    expect(runMigrations(raw, ['CREATE TABLE a (x INTEGER) STRICT;'])).toBe(1);
    expect(runMigrations(raw, ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y INTEGER) STRICT;'])).toBe(1);
    expect(raw.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'b')").pluck().get()).toBe(2);
    raw.close();
  });

  it('upgrades a version-2 database to the workbench schema, keeping its rows', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    const key = randomBytes(32);
    const old = openRaw(path.join(dataDir, 'ward.db'));
    expect(runMigrations(old, MIGRATIONS.slice(0, 2))).toBe(2);
    verifyDataKey(old, key, buildSilentLogger());
    const at = '2026-03-10T03:00:00.000Z';
    old
      .prepare('INSERT INTO sessions (id, channel, language, state, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('s1', 'kiosk', 'vi', encryptJson(key, { step: 2 }), at, at);
    old
      .prepare('INSERT INTO gaps (id, question, language, reason, top_ids, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('g1', 'nuôi chó', 'vi', 'out-of-scope', '[]', 'open', at);
    old.close();

    const { storage, file } = await buildTestStorage({ dataDir, key });
    expect((await storage.sessions.get('s1'))?.state).toEqual({ step: 2 });
    expect((await storage.gaps.list()).map((g) => g.question)).toEqual(['nuôi chó']);
    const official = await storage.officials.create({ username: 'admin', displayName: 'Quản trị', role: 'admin', passwordHash: 'h' });
    await storage.revisions.createDraft({ targetKind: 'entry', targetId: 'x', content: { a: 1 }, authorId: official.id });
    await storage.close();

    const raw = openRaw(file);
    expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((_, index) => index + 1));
    raw.close();
  });

  it('4: seals the plain gap questions of an older database (nothing left in the files) and keeps one open ticket per session', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    const key = randomBytes(32);
    const file = path.join(dataDir, 'ward.db');
    const old = openRaw(file);
    expect(runMigrations(old, MIGRATIONS.slice(0, 3))).toBe(3);
    verifyDataKey(old, key, buildSilentLogger());
    const at = '2026-03-10T03:00:00.000Z';
    old.prepare('INSERT INTO sessions (id, channel, language, state, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)').run('s1', 'kiosk', 'vi', encryptJson(key, {}), at, at);
    old
      .prepare('INSERT INTO gaps (id, question, language, reason, top_ids, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('g1', 'Ông Nguyễn Văn Quyết hỏi nuôi chó', 'vi', 'out-of-scope', '[]', 'open', at);
    const ticket = old.prepare("INSERT INTO tickets (id, ward_day, number, status, session_id, created_at) VALUES (?, '2026-03-10', ?, 'waiting', 's1', ?)");
    for (const [id, n] of [['t1', 1], ['t2', 2], ['t3', 3]] as const) ticket.run(id, n, at);
    old.close();

    const { storage } = await buildTestStorage({ dataDir, key });
    expect((await storage.gaps.list()).map((g) => g.question)).toEqual(['Ông Nguyễn Văn Quyết hỏi nuôi chó']);
    await storage.close();
    const raw = openRaw(file);
    expect(raw.prepare('SELECT status FROM tickets ORDER BY number').pluck().all()).toEqual(['waiting', 'cancelled', 'cancelled']);
    expect(raw.prepare('SELECT question FROM gaps').pluck().all()).toEqual(['']);
    raw.close();
    const bytes = Buffer.concat(['ward.db', 'ward.db-wal'].flatMap((f) => (existsSync(path.join(dataDir, f)) ? [readFileSync(path.join(dataDir, f))] : [])));
    expect(bytes.includes(Buffer.from('Nguyễn Văn Quyết'))).toBe(false);
  });

  it('refuses a database migrated by a newer release with a clear error', async () => {
    const dataDir = path.join(root, 'data');
    const key = randomBytes(32);
    const { storage, file } = await buildTestStorage({ dataDir, key });
    await storage.close();
    const raw = openRaw(file);
    raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(MIGRATIONS.length + 5, new Date().toISOString());
    raw.close();
    const opening = openSqliteStorage({ dataDir, key, logger: buildSilentLogger() });
    await expect(opening).rejects.toMatchObject({ code: 'storage_version' });
    await expect(opening).rejects.toThrow(new RegExp(`${MIGRATIONS.length + 5}`));
  });

  it('refuses to open with a different data key (key check), as storage_corrupt', async () => {
    const dataDir = path.join(root, 'data');
    const { storage } = await buildTestStorage({ dataDir });
    await storage.close();
    await expect(openSqliteStorage({ dataDir, key: randomBytes(32), logger: buildSilentLogger() })).rejects.toMatchObject({
      code: 'storage_corrupt',
    });
  });
  it('5: revisions accept life situations; rows, their chain of bases and the indexes survive the rebuild', async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    const key = randomBytes(32);
    const file = path.join(dataDir, 'ward.db');
    const old = openRaw(file);
    expect(runMigrations(old, MIGRATIONS.slice(0, 4))).toBe(4);
    verifyDataKey(old, key, buildSilentLogger());
    const at = '2026-03-10T03:00:00.000Z';
    old.prepare("INSERT INTO officials (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('o1', 'lan', 'Lan', 'approver', 'h', ?, ?)").run(at, at);
    const revision = old.prepare(
      `INSERT INTO revisions (id, target_kind, target_id, number, status, content, base_revision_id, author_id, created_at, publish_seq)
       VALUES (?, 'entry', 'dang-ky-khai-sinh', ?, ?, '{}', ?, 'o1', ?, ?)`,
    );
    revision.run('r1', 1, 'published', null, at, 1);
    revision.run('r2', 2, 'draft', 'r1', at, null);
    expect(() => old.prepare("INSERT INTO revisions (id, target_kind, target_id, number, status, author_id, created_at) VALUES ('r3', 'situation', 'sinh-con', 1, 'draft', 'o1', ?)").run(at)).toThrow(/CHECK/);
    old.close();

    const { storage } = await buildTestStorage({ dataDir, key });
    expect((await storage.revisions.listForTarget('entry', 'dang-ky-khai-sinh')).map((r) => [r.id, r.status, r.baseRevisionId])).toEqual([
      ['r2', 'draft', 'r1'],
      ['r1', 'published', undefined],
    ]);
    const draft = await storage.revisions.createDraft({ targetKind: 'situation', targetId: 'sinh-con', content: { id: 'sinh-con' }, authorId: 'o1' });
    await storage.revisions.publish(draft.id, 'o1');
    expect((await storage.revisions.listCurrentPublished('situation')).map((r) => r.targetId)).toEqual(['sinh-con']);
    await storage.close();
    const raw = openRaw(file);
    const schema = raw.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'revisions' ORDER BY name").all();
    expect(schema.map((row) => row.name)).toEqual(['revisions', 'revisions_drafts', 'revisions_published', 'sqlite_autoindex_revisions_1', 'sqlite_autoindex_revisions_2', 'sqlite_autoindex_revisions_3']);
    expect(schema[0]?.sql).not.toMatch(/revisions_next/);
    // The self-reference still holds after the rename.
    raw.pragma('foreign_keys = ON');
    expect(() => raw.prepare("UPDATE revisions SET base_revision_id = 'nope' WHERE id = 'r2'").run()).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
