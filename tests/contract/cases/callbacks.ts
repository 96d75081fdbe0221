import { describe, expect, it } from 'vitest';
import { rawTableBytes, useContractStorage, type ContractFactory } from '../harness.js';
import { asClientSees } from '../../helpers/client-error.js';

const CONTACT = { name: 'Trần Văn Bình', phone: '0912345678', language: 'vi' as const };

/** The widget's call-back requests (sealed, listed, marked, purged with retention) and the run-time settings. */
export function describeCallbacks(factory: ContractFactory): void {
  const scope = useContractStorage(factory, { start: '2026-03-10T01:00:00.000Z' });

  describe('call-back requests', () => {
    it('stores the name and phone sealed, yet get and list return them', async () => {
      const session = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      const created = await scope.storage.callbacks.create({ ...CONTACT, sessionId: session.id, topic: 'dang-ky-ket-hon' });
      expect(created).toMatchObject({ ...CONTACT, status: 'new', sessionId: session.id, topic: 'dang-ky-ket-hon', calledAt: undefined, finishedAt: undefined, handledBy: undefined });
      expect(created.createdAt).toEqual(scope.clock.now());
      const bytes = await rawTableBytes(scope.harness, 'callback_requests');
      expect(bytes.includes(Buffer.from('dang-ky-ket-hon'))).toBe(true);
      for (const needle of ['Trần Văn Bình', '0912345678']) expect(bytes.includes(Buffer.from(needle))).toBe(false);
      expect(await scope.storage.callbacks.get(created.id)).toEqual(created);
      expect(await scope.storage.callbacks.get('unknown')).toBeUndefined();
    });

    it('lists oldest first, by status, across ward days', async () => {
      const first = await scope.storage.callbacks.create(CONTACT);
      scope.clock.advanceDays(1);
      const second = await scope.storage.callbacks.create({ ...CONTACT, name: 'Lê Thị Cúc', language: 'en' });
      await scope.storage.callbacks.mark(first.id, 'called');
      expect((await scope.storage.callbacks.list()).map((c) => c.id)).toEqual([first.id, second.id]);
      expect((await scope.storage.callbacks.list({ status: 'new' })).map((c) => c.id)).toEqual([second.id]);
      expect((await scope.storage.callbacks.list({ status: 'called' })).map((c) => c.name)).toEqual(['Trần Văn Bình']);
    });

    it('marks called (again), then done with who did it; a done one is closed; unknown ids are not_found', async () => {
      const request = await scope.storage.callbacks.create(CONTACT);
      scope.clock.advanceDays(0.01);
      const called = await scope.storage.callbacks.mark(request.id, 'called', { by: 'Cán bộ Lan' });
      expect(called).toMatchObject({ status: 'called', calledAt: scope.clock.now(), handledBy: 'Cán bộ Lan' });
      scope.clock.advanceDays(0.01);
      expect((await scope.storage.callbacks.mark(request.id, 'called', { by: 'Cán bộ Lan' })).calledAt).toEqual(scope.clock.now());
      const done = await scope.storage.callbacks.mark(request.id, 'done', { by: 'Cán bộ Minh' });
      expect(done).toMatchObject({ status: 'done', finishedAt: scope.clock.now(), handledBy: 'Cán bộ Minh' });
      const bytes = await rawTableBytes(scope.harness, 'callback_requests');
      expect(bytes.includes(Buffer.from('Cán bộ Minh'))).toBe(false);
      await expect(asClientSees(scope.storage.callbacks.mark(request.id, 'called'))).rejects.toMatchObject({ code: 'callback_closed', status: 409 });
      await expect(scope.storage.callbacks.mark('nope', 'done')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('requires an open session when one is named, and writes nothing otherwise', async () => {
      const session = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      await scope.storage.sessions.end(session.id);
      await expect(scope.storage.callbacks.create({ ...CONTACT, sessionId: session.id })).rejects.toMatchObject({ code: 'session_ended' });
      await expect(scope.storage.callbacks.create({ ...CONTACT, sessionId: 'nope-nope-nope' })).rejects.toMatchObject({ code: 'not_found' });
      expect(await scope.countRows('callback_requests')).toBe(0);
    });

    it('is purged by age with retention (called or not); a purged session only clears the link', async () => {
      const session = await scope.storage.sessions.create({ channel: 'widget', language: 'vi' });
      const old = await scope.storage.callbacks.create(CONTACT);
      await scope.storage.callbacks.mark(old.id, 'done');
      scope.clock.advanceDays(10);
      const middle = await scope.storage.callbacks.create({ ...CONTACT, sessionId: session.id });
      scope.clock.advanceDays(10);
      const recent = await scope.storage.callbacks.create(CONTACT);

      expect(await scope.storage.retention.purgeOlderThan({ conversationsDays: 15, callbacksDays: 15 })).toEqual({
        sessions: 1,
        messages: 0,
        feedback: 0,
        tickets: 0,
        dossiers: 0,
        callbacks: 1,
      });
      expect(await scope.storage.callbacks.get(old.id)).toBeUndefined();
      expect(await scope.storage.callbacks.get(middle.id)).toMatchObject({ sessionId: undefined, name: CONTACT.name });
      // By default they go with the conversations' period.
      expect(await scope.storage.retention.purgeOlderThan({ conversationsDays: 5 })).toMatchObject({ callbacks: 1 });
      expect((await scope.storage.callbacks.list()).map((c) => c.id)).toEqual([recent.id]);
      await expect(scope.storage.retention.purgeOlderThan({ conversationsDays: 1, callbacksDays: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await scope.countRows('callback_requests')).toBe(1);
    });

    it('reports a tampered stored contact as storage_corrupt', async () => {
      const { id } = await scope.storage.callbacks.create(CONTACT);
      const [row] = await scope.harness.query<{ sealed_contact: Buffer }>('SELECT sealed_contact FROM callback_requests WHERE id = $1', [id]);
      const blob = Buffer.from(row!.sealed_contact);
      blob[blob.length - 1] = blob[blob.length - 1]! ^ 0xff;
      await scope.harness.query('UPDATE callback_requests SET sealed_contact = $1 WHERE id = $2', [blob, id]);
      await expect(scope.storage.callbacks.get(id)).rejects.toMatchObject({ code: 'storage_corrupt' });
    });
  });

  describe('settings', () => {
    it('is undefined until set, then keeps the last value with its time; another storage reads it', async () => {
      expect(await scope.storage.settings.get('widget-origins')).toBeUndefined();
      await scope.storage.settings.set('widget-origins', ['https://a.example']);
      scope.clock.advanceDays(1);
      await scope.storage.settings.set('widget-origins', []);
      expect(await scope.storage.settings.get('widget-origins')).toEqual({ value: [], updatedAt: scope.clock.now() });
      const other = await scope.harness.open();
      expect((await other.settings.get('widget-origins'))?.value).toEqual([]);
      expect(await scope.countRows('ward_options')).toBe(1);
    });

    it('writes inside a transaction only when it commits', async () => {
      await expect(
        scope.storage.transaction(async (tx) => {
          await tx.settings.set('widget-origins', ['https://b.example']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await scope.storage.settings.get('widget-origins')).toBeUndefined();
    });
  });
}
