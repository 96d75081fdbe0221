import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { buildClock, buildTestStorage, openRaw } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const PERSONAL = 'Nguyễn Thị Hoa 079123456789';
const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z');
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

/** Every byte SQLite has put on disk for this database: the main file and the write-ahead log. */
function rawDatabaseBytes(): Buffer {
  const parts = [file, `${file}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p));
  return Buffer.concat(parts);
}

describe('messages', () => {
  it('lists oldest to newest; a limit keeps the latest turns in reading order', async () => {
    const { id: sessionId } = await storage.sessions.create({ channel: 'widget', language: 'vi' });
    const ids: string[] = [];
    for (let turn = 1; turn <= 5; turn += 1) {
      ids.push(await storage.messages.append({ sessionId, role: turn % 2 ? 'citizen' : 'assistant', text: `lượt ${turn}`, meta: { turn } }));
    }
    const all = await storage.messages.list(sessionId);
    expect(all.map((m) => m.text)).toEqual(['lượt 1', 'lượt 2', 'lượt 3', 'lượt 4', 'lượt 5']);
    expect(all.map((m) => m.id)).toEqual(ids);
    expect(all[1]).toMatchObject({ role: 'assistant', meta: { turn: 2 }, sessionId });
    expect((await storage.messages.list(sessionId, { limit: 2 })).map((m) => m.text)).toEqual(['lượt 4', 'lượt 5']);
    expect(await storage.messages.list('other')).toEqual([]);
  });

  it('appending touches the session and an unknown session is not_found', async () => {
    const session = await storage.sessions.create({ channel: 'http', language: 'en' });
    clock.advanceDays(2);
    await storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'hello' });
    expect((await storage.sessions.get(session.id))?.lastSeenAt.getTime()).toBe(clock.now().getTime());
    await expect(storage.messages.append({ sessionId: 'nope', role: 'citizen', text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never writes message text in clear to ward.db or ward.db-wal, yet list() returns it', async () => {
    const { id: sessionId } = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    await storage.messages.append({ sessionId, role: 'citizen', text: `Tôi là ${PERSONAL}, cần làm giấy khai sinh`, meta: { kind: 'question' } });
    await storage.messages.append({ sessionId, role: 'assistant', text: `Chào ${PERSONAL}`, meta: { kind: 'answer', citationIds: ['dang-ky-khai-sinh'] } });
    await storage.sessions.updateState(sessionId, { values: { ho_ten: 'Nguyễn Thị Hoa', so_dinh_danh: '079123456789' } });
    // Positive control: plain columns (the meta's citation id) are visible to this scan, so a miss below is real.
    await storage.gaps.add({ question: 'MARKER-SEALED-GAP-QUESTION', language: 'vi', reason: 'unanswered' });

    const bytes = rawDatabaseBytes();
    expect(bytes.includes(Buffer.from('dang-ky-khai-sinh', 'utf8'))).toBe(true);
    for (const needle of [PERSONAL, 'Nguyễn Thị Hoa', '079123456789', 'Nguyen Thi Hoa', 'MARKER-SEALED-GAP-QUESTION']) {
      expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
    const texts = (await storage.messages.list(sessionId)).map((m) => m.text);
    expect(texts[0]).toContain(PERSONAL);
    expect(texts[1]).toBe(`Chào ${PERSONAL}`);
  });

  it('reports a tampered stored message as storage_corrupt, never garbage', async () => {
    const { id: sessionId } = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const id = await storage.messages.append({ sessionId, role: 'citizen', text: PERSONAL });
    const raw = openRaw(file);
    const blob = Buffer.from(raw.prepare('SELECT text FROM messages WHERE id = ?').pluck().get(id) as Buffer);
    blob[blob.length - 3]! ^= 0xff;
    raw.prepare('UPDATE messages SET text = ? WHERE id = ?').run(blob, id);
    raw.close();
    await expect(asClientSees(storage.messages.list(sessionId))).rejects.toMatchObject({ code: 'storage_corrupt', status: 500 });
  });

  it('reports rows sealed with another key as storage_corrupt on read', async () => {
    const other = await buildTestStorage();
    try {
      const { id: sessionId } = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      await storage.messages.append({ sessionId, role: 'citizen', text: PERSONAL });
      const foreign = await other.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      await other.storage.messages.append({ sessionId: foreign.id, role: 'citizen', text: 'khóa khác' });
      // Move a row written under another key into this database: reading it must fail loudly.
      const source = openRaw(other.file);
      const sealed = source.prepare('SELECT text FROM messages').pluck().get() as Buffer;
      source.close();
      const raw = openRaw(file);
      raw.prepare('UPDATE messages SET text = ?').run(sealed);
      raw.close();
      await expect(storage.messages.list(sessionId)).rejects.toMatchObject({ code: 'storage_corrupt' });
    } finally {
      await other.cleanup();
    }
  });
});
