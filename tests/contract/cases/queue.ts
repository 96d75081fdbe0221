import { describe, expect, it } from 'vitest';
import { normalizeReference } from '../../../src/dossiers/reference-code.js';
import type { DossierValues } from '../../../src/storage/types.js';
import { rawTableBytes, useContractStorage, type ContractFactory } from '../harness.js';
import { asClientSees } from '../../helpers/client-error.js';

const VALUES: DossierValues = {
  'nguoi_yeu_cau.ho_ten': 'Nguyễn Thị Hoa',
  'nguoi_yeu_cau.so_giay_to': '079123456789',
  'tre.ngay_sinh': '2026-03-01',
};

/** The hand-over queue, dossiers and the retention purge. */
export function describeQueue(factory: ContractFactory): void {
  const scope = useContractStorage(factory, { start: '2026-03-10T01:00:00.000Z' }); // 08:00 in Hà Nội

  describe('tickets', () => {
    it('numbers tickets from 1 each ward day; 23:30 UTC already counts as the next day in Vietnam', async () => {
      const first = await scope.storage.tickets.create({ topic: 'dang-ky-khai-sinh' });
      const second = await scope.storage.tickets.create();
      expect([first.number, second.number]).toEqual([1, 2]);
      expect(first).toMatchObject({ status: 'waiting', wardDay: '2026-03-10', topic: 'dang-ky-khai-sinh', counter: undefined });
      expect(first.createdAt).toEqual(scope.clock.now());

      scope.clock.set('2026-03-10T16:30:00.000Z'); // 23:30 in Vietnam: still the 10th
      expect((await scope.storage.tickets.create()).number).toBe(3);
      scope.clock.set('2026-03-10T23:30:00.000Z'); // 06:30 on the 11th in Vietnam, still the 10th in UTC
      expect(await scope.storage.tickets.create()).toMatchObject({ number: 1, wardDay: '2026-03-11' });
      expect((await scope.storage.tickets.create()).number).toBe(2);

      expect((await scope.storage.tickets.listToday()).map((t) => t.number)).toEqual([1, 2]);
      scope.clock.set('2026-03-10T12:00:00.000Z');
      expect((await scope.storage.tickets.listToday()).map((t) => t.id)).toEqual([first.id, second.id, expect.any(String)]);
    });

    it('gives the queue position, which drops as tickets are called, finished or cancelled', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const a = await scope.storage.tickets.create({ sessionId: session.id, counter: 4 });
      const b = await scope.storage.tickets.create();
      const c = await scope.storage.tickets.create();
      const d = await scope.storage.tickets.create();
      expect(a).toMatchObject({ sessionId: session.id, counter: 4 });
      expect(await scope.storage.tickets.countWaitingBefore(d.id)).toBe(3);
      expect(await scope.storage.tickets.countWaitingBefore(a.id)).toBe(0);

      scope.clock.advanceDays(0.001);
      expect(await scope.storage.tickets.call(a.id, 2)).toMatchObject({ status: 'called', counter: 2, calledAt: scope.clock.now() });
      expect((await scope.storage.tickets.cancel(b.id)).status).toBe('cancelled');
      expect(await scope.storage.tickets.countWaitingBefore(d.id)).toBe(1);
      expect(await scope.storage.tickets.countWaitingBefore(a.id)).toBe(0);

      const done = await scope.storage.tickets.finish(a.id);
      expect(done).toMatchObject({ status: 'done', finishedAt: scope.clock.now() });
      expect((await scope.storage.tickets.listToday({ status: 'waiting' })).map((t) => t.id)).toEqual([c.id, d.id]);
      expect((await scope.storage.tickets.listToday({ status: 'done' })).map((t) => t.id)).toEqual([a.id]);
      expect(await scope.storage.tickets.get(a.id)).toEqual(done);
    });

    it('refuses to call, finish or cancel a closed ticket, and not_found for an unknown one', async () => {
      const ticket = await scope.storage.tickets.create();
      await scope.storage.tickets.finish(ticket.id);
      await expect(asClientSees(scope.storage.tickets.call(ticket.id, 1))).rejects.toMatchObject({ code: 'ticket_closed', status: 409 });
      await expect(scope.storage.tickets.cancel(ticket.id)).rejects.toMatchObject({ code: 'ticket_closed' });
      await expect(scope.storage.tickets.finish(ticket.id)).rejects.toMatchObject({ code: 'ticket_closed' });
      await expect(scope.storage.tickets.call('nope', 1)).rejects.toMatchObject({ code: 'not_found' });
      await expect(scope.storage.tickets.finish('nope')).rejects.toMatchObject({ code: 'not_found' });
      await expect(scope.storage.tickets.countWaitingBefore('nope')).rejects.toMatchObject({ code: 'not_found' });
      expect(await scope.storage.tickets.get('nope')).toBeUndefined();
      expect((await scope.storage.tickets.get(ticket.id))?.status).toBe('done');
    });

    it('keeps one open ticket per session: asking again returns it; a new one once it is closed or the day changes', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const other = await scope.storage.tickets.create();
      const first = await scope.storage.tickets.create({ sessionId: session.id, topic: 'dang-ky-khai-sinh' });
      const again = await Promise.all([1, 2, 3].map(() => scope.storage.tickets.create({ sessionId: session.id })));
      expect(again.map((t) => t.id)).toEqual([first.id, first.id, first.id]);
      expect(await scope.storage.tickets.countWaitingBefore(first.id)).toBe(1);
      await scope.storage.tickets.call(first.id, 2);
      expect((await scope.storage.tickets.create({ sessionId: session.id })).id).toBe(first.id);
      await scope.storage.tickets.finish(first.id);
      const next = await scope.storage.tickets.create({ sessionId: session.id });
      expect(next.id).not.toBe(first.id);
      expect(next.number).toBe(3);
      scope.clock.advanceDays(1);
      expect(await scope.storage.tickets.create({ sessionId: session.id })).toMatchObject({ number: 1 });
      expect(other.number).toBe(1);
    });

    it('re-calls a called ticket to another counter', async () => {
      const ticket = await scope.storage.tickets.create();
      await scope.storage.tickets.call(ticket.id, 1);
      expect((await scope.storage.tickets.call(ticket.id, 3)).counter).toBe(3);
    });

    it('hands out distinct numbers to concurrent callers', async () => {
      const tickets = await Promise.all(Array.from({ length: 8 }, () => scope.storage.tickets.create()));
      expect(tickets.map((t) => t.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('dossiers', () => {
    it('stores the values sealed, yet getByReference returns them', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const created = await scope.storage.dossiers.create({ formId: 'to-khai-khai-sinh', sessionId: session.id, values: VALUES, channel: 'kiosk' });
      expect(created).toMatchObject({ formId: 'to-khai-khai-sinh', status: 'new', channel: 'kiosk', sessionId: session.id, wardDay: '2026-03-10' });
      expect(created.reference).toMatch(/^HS-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
      expect(created.createdAt).toEqual(scope.clock.now());
      expect(created.receivedAt).toBeUndefined();
      const bytes = await rawTableBytes(scope.harness, 'dossiers');
      expect(bytes.includes(Buffer.from(created.reference))).toBe(true);
      for (const needle of ['Nguyễn Thị Hoa', '079123456789', 'nguoi_yeu_cau.so_giay_to']) expect(bytes.includes(Buffer.from(needle))).toBe(false);
      expect(await scope.storage.dossiers.getByReference(created.reference)).toEqual(created);
    });

    it('finds a dossier from a reference typed loosely, and nothing from a wrong or invalid one', async () => {
      const { reference } = await scope.storage.dossiers.create({ formId: 'to-khai-khai-tu', values: VALUES, channel: 'http' });
      const loose = reference.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect((await scope.storage.dossiers.getByReference(loose))?.reference).toBe(reference);
      expect((await scope.storage.dossiers.getByReference(reference.slice(3)))?.reference).toBe(reference);
      expect(await scope.storage.dossiers.getByReference('HS-000-000-000')).toBeUndefined();
      expect(await scope.storage.dossiers.getByReference('HS-ABC')).toBeUndefined();
      expect(await scope.storage.dossiers.getByReference("' OR 1=1 --")).toBeUndefined();
    });

    it('lists the ward day’s dossiers oldest first; 23:30 UTC already counts for the next Vietnamese day', async () => {
      scope.clock.set('2026-03-10T03:00:00.000Z');
      const morning = await scope.storage.dossiers.create({ formId: 'to-khai-ket-hon', values: VALUES, channel: 'kiosk' });
      scope.clock.set('2026-03-10T16:30:00.000Z');
      const lateEvening = await scope.storage.dossiers.create({ formId: 'to-khai-ket-hon', values: VALUES, channel: 'kiosk' });
      scope.clock.set('2026-03-10T23:30:00.000Z');
      const nextDay = await scope.storage.dossiers.create({ formId: 'ct01-thay-doi-cu-tru', values: VALUES, channel: 'widget' });
      expect(nextDay.wardDay).toBe('2026-03-11');
      expect((await scope.storage.dossiers.listToday()).map((d) => d.reference)).toEqual([nextDay.reference]);
      scope.clock.set('2026-03-10T12:00:00.000Z');
      expect((await scope.storage.dossiers.listToday()).map((d) => d.reference)).toEqual([morning.reference, lateEvening.reference]);
      await scope.storage.dossiers.markReceived(morning.reference);
      expect((await scope.storage.dossiers.listToday({ status: 'new' })).map((d) => d.reference)).toEqual([lateEvening.reference]);
      expect((await scope.storage.dossiers.listToday({ status: 'received' })).map((d) => d.reference)).toEqual([morning.reference]);
    });

    it('marks a dossier received once, keeps the first receipt, and seals who received it', async () => {
      const { reference } = await scope.storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });
      scope.clock.advanceDays(0.01);
      const received = await scope.storage.dossiers.markReceived(reference.toLowerCase(), { by: 'Cán bộ Trần Văn Bình' });
      expect(received).toMatchObject({ reference, status: 'received', receivedAt: scope.clock.now(), receivedBy: 'Cán bộ Trần Văn Bình' });
      expect((await rawTableBytes(scope.harness, 'dossiers')).includes(Buffer.from('Trần Văn Bình'))).toBe(false);
      const firstReceipt = scope.clock.now();
      scope.clock.advanceDays(0.01);
      const again = await scope.storage.dossiers.markReceived(reference, { by: 'someone else' });
      expect(again).toMatchObject({ receivedAt: firstReceipt, receivedBy: 'Cán bộ Trần Văn Bình' });
      await expect(scope.storage.dossiers.markReceived('HS-000-000-000')).rejects.toMatchObject({ code: 'not_found' });
      await expect(scope.storage.dossiers.markReceived('rác')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('requires an open session when one is named', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      await scope.storage.sessions.end(session.id);
      const create = (sessionId: string) => scope.storage.dossiers.create({ formId: 'f', sessionId, values: {}, channel: 'kiosk' });
      await expect(create(session.id)).rejects.toMatchObject({ code: 'session_ended' });
      await expect(create('nope')).rejects.toMatchObject({ code: 'not_found' });
      expect(await scope.countRows('dossiers')).toBe(0);
    });

    it('purges old dossiers on its own and through the retention purge; a purged session only clears the link', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      const old = await scope.storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });
      scope.clock.advanceDays(10);
      const middle = await scope.storage.dossiers.create({ formId: 'f', sessionId: session.id, values: VALUES, channel: 'kiosk' });
      scope.clock.advanceDays(10);
      const recent = await scope.storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });

      expect(await scope.storage.dossiers.purgeOlderThan(15)).toBe(1);
      expect(await scope.storage.dossiers.getByReference(old.reference)).toBeUndefined();
      expect(await scope.storage.dossiers.getByReference(middle.reference)).toBeDefined();
      expect(await scope.storage.retention.purgeOlderThan({ conversationsDays: 15, dossiersDays: 30 })).toEqual({
        sessions: 1,
        messages: 0,
        feedback: 0,
        tickets: 0,
        dossiers: 0,
        callbacks: 0,
      });
      const kept = await scope.storage.dossiers.getByReference(middle.reference);
      expect(kept).toMatchObject({ sessionId: undefined, values: VALUES });
      expect(await scope.storage.retention.purgeOlderThan({ conversationsDays: 30, dossiersDays: 5 })).toMatchObject({ dossiers: 1 });
      expect((await scope.storage.dossiers.listToday()).map((d) => d.reference)).toEqual([recent.reference]);
      await expect(scope.storage.dossiers.purgeOlderThan(-1)).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(scope.storage.retention.purgeOlderThan({ conversationsDays: 1, dossiersDays: Number.NaN })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });

    it('reports a tampered stored value as storage_corrupt', async () => {
      const { reference } = await scope.storage.dossiers.create({ formId: 'f', values: VALUES, channel: 'kiosk' });
      const [row] = await scope.harness.query<{ sealed_values: Buffer }>('SELECT sealed_values FROM dossiers WHERE reference = $1', [reference]);
      const blob = Buffer.from(row!.sealed_values);
      blob[blob.length - 1] = blob[blob.length - 1]! ^ 0xff;
      await scope.harness.query('UPDATE dossiers SET sealed_values = $1 WHERE reference = $2', [blob, reference]);
      await expect(scope.storage.dossiers.getByReference(reference)).rejects.toMatchObject({ code: 'storage_corrupt' });
    });

    it('makes distinct, valid references by default', async () => {
      const references = new Set<string>();
      for (let index = 0; index < 20; index += 1) {
        references.add((await scope.storage.dossiers.create({ formId: 'f', values: {}, channel: 'http' })).reference);
      }
      expect(references.size).toBe(20);
      for (const reference of references) expect(normalizeReference(reference)).toBe(reference);
    });

    it('draws again when a reference is taken, and gives up with storage_failed if it keeps colliding', async () => {
      const codes = ['HS-7K3-M9Q-XD', 'HS-7K3-M9Q-XD', 'HS-7K3-M9Q-XD', 'HS-ZZZ-ZZZ-ZZ'];
      let drawn = 0;
      const storage = await scope.harness.open({ createReference: () => codes[Math.min(drawn++, codes.length - 1)]! });
      const first = await storage.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' });
      const second = await storage.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' });
      expect([first.reference, second.reference]).toEqual(['HS-7K3-M9Q-XD', 'HS-ZZZ-ZZZ-ZZ']);
      expect(drawn).toBe(4);
      await expect(storage.dossiers.create({ formId: 'f', values: {}, channel: 'kiosk' })).rejects.toMatchObject({ code: 'storage_failed' });
      expect(await scope.countRows('dossiers')).toBe(2);
    });
  });

  describe('retention', () => {
    const conversationWithFeedback = async () => {
      const { id } = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      const messageId = await scope.storage.messages.append({ sessionId: id, role: 'citizen', text: 'câu hỏi' });
      await scope.storage.messages.append({ sessionId: id, role: 'assistant', text: 'trả lời' });
      await scope.storage.feedback.add({ sessionId: id, messageId, rating: 'up', comment: 'cảm ơn' });
      return id;
    };

    it('purges idle conversations with their messages and feedback, past tickets, and counts what went', async () => {
      const old = await conversationWithFeedback();
      const oldTicket = await scope.storage.tickets.create({ sessionId: old });
      scope.clock.advanceDays(20);
      const resumed = await conversationWithFeedback();
      scope.clock.advanceDays(15);
      const recent = await conversationWithFeedback();
      await scope.storage.messages.append({ sessionId: resumed, role: 'citizen', text: 'quay lại' });
      const gap = await scope.storage.gaps.add({ question: 'câu hỏi khó', language: 'vi', reason: 'unanswered' });

      const counts = await scope.storage.retention.purgeOlderThan({ conversationsDays: 30 });
      expect(counts).toEqual({ sessions: 1, messages: 2, feedback: 1, tickets: 1, dossiers: 0, callbacks: 0 });
      expect(await scope.storage.sessions.get(old)).toBeUndefined();
      expect(await scope.storage.tickets.get(oldTicket.id)).toBeUndefined();
      expect(await scope.storage.messages.list(recent)).toHaveLength(2);
      expect(await scope.storage.messages.list(resumed)).toHaveLength(3);
      expect(await scope.countRows('messages')).toBe(5);
      expect(await scope.countRows('feedback')).toBe(2);
      expect((await scope.storage.gaps.list()).map((g) => g.id)).toEqual([gap.id]);
      const none = { sessions: 0, messages: 0, feedback: 0, tickets: 0, dossiers: 0, callbacks: 0 };
      expect(await scope.storage.retention.purgeOlderThan({ conversationsDays: 30 })).toEqual(none);
    });

    it('purges feedback sooner when feedbackDays is shorter, and rejects a bad period', async () => {
      await conversationWithFeedback();
      scope.clock.advanceDays(10);
      await conversationWithFeedback();
      const counts = await scope.storage.retention.purgeOlderThan({ conversationsDays: 90, feedbackDays: 5 });
      expect(counts).toEqual({ sessions: 0, messages: 0, feedback: 1, tickets: 0, dossiers: 0, callbacks: 0 });
      expect(await scope.countRows('feedback')).toBe(1);
      expect(await scope.countRows('messages')).toBe(4);
      await expect(scope.storage.retention.purgeOlderThan({ conversationsDays: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(scope.storage.retention.purgeOlderThan({ conversationsDays: Number.NaN })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });
}
