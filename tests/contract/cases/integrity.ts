import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StorageTx } from '../../../src/storage/types.js';
import { buildCapturingLogger } from '../../helpers/logger.js';
import { diskFullError, useContractStorage, type ContractFactory } from '../harness.js';
import { asClientSees } from '../../helpers/client-error.js';

/** Transactions, failing writes, the data-key check and closing. */
export function describeIntegrity(factory: ContractFactory): void {
  const faulty = { armed: false, ops: [] as string[], commitFails: false };
  const capture = { current: buildCapturingLogger() };
  const scope = useContractStorage(factory, {
    options: () => {
      faulty.armed = false;
      faulty.ops = [];
      capture.current = buildCapturingLogger();
      return {
        logger: capture.current.logger,
        faults: {
          beforeWrite: (op: string) => {
            if (faulty.armed && faulty.ops.includes(op)) throw diskFullError();
          },
        },
      };
    },
  });

  describe('transaction', () => {
    it('commits everything written through tx and returns the callback value', async () => {
      const { sessionId, messageId } = await scope.storage.transaction(async (tx) => {
        const session = await tx.sessions.create({ channel: 'kiosk', language: 'vi' });
        const id = await tx.messages.append({ sessionId: session.id, role: 'citizen', text: 'xin chào' });
        return { sessionId: session.id, messageId: id };
      });
      expect((await scope.storage.messages.list(sessionId)).map((m) => m.id)).toEqual([messageId]);
    });

    it('rolls back everything when the callback throws, and passes the error through untouched', async () => {
      let sessionId = '';
      const boom = new Error('business rule broke');
      await expect(
        scope.storage.transaction(async (tx) => {
          sessionId = (await tx.sessions.create({ channel: 'kiosk', language: 'vi' })).id;
          await tx.messages.append({ sessionId, role: 'citizen', text: 'một' });
          await tx.tickets.create({ sessionId });
          await tx.dossiers.create({ formId: 'f', sessionId, values: { a: 'b' }, channel: 'kiosk' });
          await tx.audit.add({ actor: 'x', action: 'y' });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await scope.storage.sessions.get(sessionId)).toBeUndefined();
      for (const table of ['sessions', 'messages', 'tickets', 'dossiers', 'audit_log']) expect(await scope.countRows(table)).toBe(0);
      expect((await scope.storage.tickets.create()).number).toBe(1);
    });

    it('keeps a transaction usable after a refused write inside it', async () => {
      const ticketNumber = await scope.storage.transaction(async (tx) => {
        await expect(tx.sessions.touch('nope')).rejects.toMatchObject({ code: 'not_found' });
        await expect(tx.tickets.finish('nope')).rejects.toMatchObject({ code: 'not_found' });
        return (await tx.tickets.create()).number;
      });
      expect(ticketNumber).toBe(1);
      expect(await scope.countRows('tickets')).toBe(1);
    });

    it('rejects the outer storage or a nested transaction inside a transaction, and a leaked tx afterwards', async () => {
      await expect(scope.storage.transaction(async () => scope.storage.tickets.create())).rejects.toThrow(/use the tx argument/);
      await expect(scope.storage.transaction(async () => scope.storage.transaction(async () => 1))).rejects.toThrow(/use the tx argument/);
      let leaked: StorageTx | undefined;
      await scope.storage.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.tickets.create()).rejects.toThrow(/already finished/);
      expect(await scope.storage.tickets.listToday()).toEqual([]);
    });

    it('lets concurrent transactions and single calls all finish, with distinct ticket numbers', async () => {
      const slow = scope.storage.transaction(async (tx) => {
        const a = await tx.tickets.create();
        await new Promise((resolve) => setTimeout(resolve, 20));
        return [a.number, (await tx.tickets.create()).number];
      });
      const single = scope.storage.tickets.create().then((t) => [t.number]);
      const other = scope.storage.transaction(async (tx) => [(await tx.tickets.create()).number]);
      const numbers = (await Promise.all([slow, single, other])).flat().sort((x, y) => x - y);
      expect(numbers).toEqual([1, 2, 3, 4]);
    });
  });

  describe('failing writes', () => {
    it('maps an injected full disk to storage_unavailable and leaves nothing half-written; then recovers', async () => {
      faulty.ops = ['messages.append'];
      faulty.armed = true;
      let sessionId = '';
      const failure = scope.storage.transaction(async (tx) => {
        sessionId = (await tx.sessions.create({ channel: 'kiosk', language: 'vi' })).id;
        await tx.messages.append({ sessionId, role: 'citizen', text: 'hai' });
      });
      await expect(asClientSees(failure)).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
      expect(((await asClientSees(failure).catch((e: unknown) => e)) as Error).message).toMatch(/không lưu được/);
      expect(await scope.storage.sessions.get(sessionId)).toBeUndefined();
      expect(await scope.countRows('sessions')).toBe(0);
      faulty.armed = false;
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      await scope.storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'ba' });
      expect(await scope.storage.messages.list(session.id)).toHaveLength(1);
    });

    it('rolls back when the commit itself fails', async () => {
      faulty.ops = ['transaction.commit'];
      faulty.armed = true;
      await expect(
        scope.storage.transaction(async (tx) => {
          await tx.gaps.add({ question: 'q', language: 'vi', reason: 'unanswered' });
        }),
      ).rejects.toMatchObject({ code: 'storage_unavailable' });
      expect(await scope.countRows('gaps')).toBe(0);
    });

    it('maps a failing single write too, and logs its operation and code, never the personal text', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi' });
      faulty.ops = ['messages.append', 'tickets.create'];
      faulty.armed = true;
      await expect(scope.storage.tickets.create()).rejects.toMatchObject({ code: 'storage_unavailable' });
      await expect(scope.storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'Phạm Văn Đức 001099012345' })).rejects.toMatchObject({
        code: 'storage_unavailable',
      });
      const logged = capture.current.lines().join('\n');
      expect(logged).toContain('messages.append');
      expect(logged).toContain('ENOSPC');
      expect(logged).not.toContain('001099012345');
      expect(logged).not.toContain('Phạm Văn Đức');
      faulty.armed = false;
      expect(await scope.storage.tickets.listToday()).toEqual([]);
    });
  });

  describe('data key', () => {
    it('opens again with the same key and refuses another key with storage_corrupt', async () => {
      const session = await scope.storage.sessions.create({ channel: 'kiosk', language: 'vi', state: { ho_ten: 'Lê Thị Thu' } });
      const again = await scope.harness.open();
      expect((await again.sessions.get(session.id))?.state).toEqual({ ho_ten: 'Lê Thị Thu' });
      await expect(asClientSees(scope.harness.open({ key: randomBytes(32) }))).rejects.toMatchObject({ code: 'storage_corrupt', status: 500 });
    });
  });

  describe('close', () => {
    it('refuses work after close, and closing twice is harmless', async () => {
      const other = await scope.harness.open();
      await other.close();
      await other.close();
      await expect(other.tickets.listToday()).rejects.toThrow(/closed/);
      await expect(other.transaction(async () => 1)).rejects.toThrow(/closed/);
    });
  });
}
