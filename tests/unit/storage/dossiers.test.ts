import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeReference } from '../../../src/dossiers/reference-code.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import type { DossierValues, Storage } from '../../../src/storage/types.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { buildClock, buildTestStorage, countRows, makeTempDir, openRaw } from '../../helpers/storage.js';

const NAME = 'Nguyễn Thị Hoa';
const ID_NUMBER = '079123456789';
const VALUES: DossierValues = {
  'nguoi_yeu_cau.ho_ten': NAME,
  'nguoi_yeu_cau.so_giay_to': ID_NUMBER,
  'tre.ngay_sinh': '2026-03-01',
};
const clock = buildClock();
let storage: Storage;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T03:00:00.000Z'); // 10:00 in Hà Nội
  ({ storage, file, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

/** Every byte SQLite has put on disk for this database: the main file and the write-ahead log. */
function rawDatabaseBytes(): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
}

function expectNoPersonalData(bytes: Buffer, needles: string[]): void {
  for (const needle of needles) {
    expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    expect(bytes.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false);
  }
}

describe('dossiers', () => {
  it('never writes the values in clear to ward.db or ward.db-wal, yet getByReference returns them', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const created = await storage.dossiers.create({ formId: 'to-khai-khai-sinh', sessionId: session.id, values: VALUES, channel: 'kiosk' });
    expect(created).toMatchObject({ formId: 'to-khai-khai-sinh', status: 'new', channel: 'kiosk', sessionId: session.id, wardDay: '2026-03-10' });
    expect(created.reference).toMatch(/^HS-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
    expect(created.createdAt).toEqual(clock.now());

    const whileOpen = rawDatabaseBytes();
    // Positive control: the plain columns are visible to this scan, so the misses below are real.
    expect(whileOpen.includes(Buffer.from(created.reference, 'utf8'))).toBe(true);
    expect(whileOpen.includes(Buffer.from('to-khai-khai-sinh', 'utf8'))).toBe(true);
    expectNoPersonalData(whileOpen, [NAME, ID_NUMBER, 'Nguyen Thi Hoa', 'nguoi_yeu_cau.so_giay_to']);

    const found = await storage.dossiers.getByReference(created.reference);
    expect(found?.values).toEqual(VALUES);
    expect(found).toEqual(created);

    await storage.close(); // checkpoints the WAL into ward.db
    expectNoPersonalData(rawDatabaseBytes(), [NAME, ID_NUMBER]);
  });

  it('finds a dossier from a reference typed loosely, and nothing from a wrong or invalid one', async () => {
    const { reference } = await storage.dossiers.create({ formId: 'to-khai-khai-tu', values: VALUES, channel: 'http' });
    const loose = reference.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await storage.dossiers.getByReference(loose))?.reference).toBe(reference);
    expect((await storage.dossiers.getByReference(reference.slice(3)))?.reference).toBe(reference);
    expect(await storage.dossiers.getByReference('HS-000-000-000')).toBeUndefined();
    expect(await storage.dossiers.getByReference('HS-ABC')).toBeUndefined();
    expect(await storage.dossiers.getByReference("' OR 1=1 --")).toBeUndefined();
  });

  it('lists the ward day’s dossiers; 23:30 UTC already counts for the next Vietnamese day', async () => {
    const morning = await storage.dossiers.create({ formId: 'to-khai-ket-hon', values: VALUES, channel: 'kiosk' });
    clock.set('2026-03-10T16:30:00.000Z'); // 23:30 in Vietnam: still the 10th
    const lateEvening = await storage.dossiers.create({ formId: 'to-khai-ket-hon', values: VALUES, channel: 'kiosk' });
    clock.set('2026-03-10T23:30:00.000Z'); // 06:30 on the 11th in Vietnam, still the 10th in UTC
    const nextDay = await storage.dossiers.create({ formId: 'ct01-thay-doi-cu-tru', values: VALUES, channel: 'widget' });

    expect(nextDay.wardDay).toBe('2026-03-11');
    expect((await storage.dossiers.listToday()).map((d) => d.reference)).toEqual([nextDay.reference]);
    clock.set('2026-03-10T12:00:00.000Z');
    expect((await storage.dossiers.listToday()).map((d) => d.reference)).toEqual([morning.reference, lateEvening.reference]);

    await storage.dossiers.markReceived(morning.reference);
    expect((await storage.dossiers.listToday({ status: 'new' })).map((d) => d.reference)).toEqual([lateEvening.reference]);
    expect((await storage.dossiers.listToday({ status: 'received' })).map((d) => d.reference)).toEqual([morning.reference]);
  });

  it('marks a dossier received once, keeps the first receipt, and seals who received it', async () => {
    const { reference } = await storage.dossiers.create({ formId: 'to-khai-khai-sinh', values: VALUES, channel: 'kiosk' });
    clock.advanceDays(0.01);
    const received = await storage.dossiers.markReceived(reference.toLowerCase(), { by: 'Cán bộ Trần Văn Bình' });
    expect(received).toMatchObject({ reference, status: 'received', receivedAt: clock.now(), receivedBy: 'Cán bộ Trần Văn Bình' });
    expectNoPersonalData(rawDatabaseBytes(), ['Trần Văn Bình']);

    const firstReceipt = clock.now();
    clock.advanceDays(0.01);
    const again = await storage.dossiers.markReceived(reference, { by: 'someone else' });
    expect(again).toMatchObject({ receivedAt: firstReceipt, receivedBy: 'Cán bộ Trần Văn Bình' });
    await expect(storage.dossiers.markReceived('HS-000-000-000')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('requires an open session when one is named', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    await storage.sessions.end(session.id);
    await expect(storage.dossiers.create({ formId: 'f', sessionId: session.id, values: {}, channel: 'kiosk' })).rejects.toMatchObject({
      code: 'session_ended',
    });
    await expect(storage.dossiers.create({ formId: 'f', sessionId: 'nope', values: {}, channel: 'kiosk' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(countRows(file, 'dossiers')).toBe(0);
  });

  it('purges old dossiers on its own and through the retention purge, which counts them', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const old = await storage.dossiers.create({ formId: 'f', sessionId: session.id, values: VALUES, channel: 'kiosk' });
    clock.advanceDays(10);
    const middle = await storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });
    clock.advanceDays(10);
    const recent = await storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });

    expect(await storage.dossiers.purgeOlderThan(15)).toBe(1);
    expect(await storage.dossiers.getByReference(old.reference)).toBeUndefined();
    expect(await storage.dossiers.getByReference(middle.reference)).toBeDefined();

    const counts = await storage.retention.purgeOlderThan({ conversationsDays: 30, dossiersDays: 5 });
    expect(counts).toEqual({ sessions: 0, messages: 0, feedback: 0, tickets: 0, dossiers: 1, callbacks: 0 });
    expect((await storage.dossiers.listToday()).map((d) => d.reference)).toEqual([recent.reference]);
    await expect(storage.dossiers.purgeOlderThan(-1)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(storage.retention.purgeOlderThan({ conversationsDays: 1, dossiersDays: Number.NaN })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('keeps a dossier when its session is purged (the link is cleared), until its own retention', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const dossier = await storage.dossiers.create({ formId: 'f', sessionId: session.id, values: VALUES, channel: 'kiosk' });
    clock.advanceDays(3);
    const counts = await storage.retention.purgeOlderThan({ conversationsDays: 1, dossiersDays: 30 });
    expect(counts).toMatchObject({ sessions: 1, dossiers: 0 });
    const kept = await storage.dossiers.getByReference(dossier.reference);
    expect(kept?.sessionId).toBeUndefined();
    expect(kept?.values).toEqual(VALUES);
  });

  it('commits with the transaction or not at all', async () => {
    let reference = '';
    await expect(
      storage.transaction(async (tx) => {
        ({ reference } = await tx.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' }));
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await storage.dossiers.getByReference(reference)).toBeUndefined();
  });

  it('reports a tampered stored value as storage_corrupt', async () => {
    const { reference } = await storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });
    const raw = openRaw(file);
    const blob = Buffer.from(raw.prepare('SELECT sealed_values FROM dossiers WHERE reference = ?').pluck().get(reference) as Buffer);
    blob[blob.length - 1] = blob[blob.length - 1]! ^ 0xff;
    raw.prepare('UPDATE dossiers SET sealed_values = ? WHERE reference = ?').run(blob, reference);
    raw.close();
    await expect(storage.dossiers.getByReference(reference)).rejects.toMatchObject({ code: 'storage_corrupt' });
  });
});

describe('dossier reference collisions', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup: removeDir } = await makeTempDir());
  });
  afterEach(() => removeDir());

  it('draws again when a reference is taken, and gives up with storage_failed if it keeps colliding', async () => {
    const codes = ['HS-7K3-M9Q-XD', 'HS-7K3-M9Q-XD', 'HS-7K3-M9Q-XD', 'HS-ZZZ-ZZZ-ZZ'];
    let drawn = 0;
    const createReference = () => codes[Math.min(drawn++, codes.length - 1)]!;
    const opened = await openSqliteStorage({ dataDir: path.join(dir, 'data'), key: randomBytes(32), logger: buildSilentLogger(), createReference });
    try {
      const first = await opened.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' });
      const second = await opened.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' });
      expect([first.reference, second.reference]).toEqual(['HS-7K3-M9Q-XD', 'HS-ZZZ-ZZZ-ZZ']);
      expect(drawn).toBe(4);
      await expect(opened.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' })).rejects.toMatchObject({ code: 'storage_failed' });
    } finally {
      await opened.close();
    }
  });

  it('makes distinct, valid references by default', async () => {
    const opened = await openSqliteStorage({ dataDir: path.join(dir, 'data'), key: randomBytes(32), logger: buildSilentLogger() });
    try {
      const references = new Set<string>();
      for (let index = 0; index < 50; index += 1) {
        references.add((await opened.dossiers.create({ formId: 'f', values: {}, channel: 'http' })).reference);
      }
      expect(references.size).toBe(50);
      for (const reference of references) expect(normalizeReference(reference)).toBe(reference);
    } finally {
      await opened.close();
    }
  });
});
