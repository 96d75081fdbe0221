import { afterEach, describe, expect, it } from 'vitest';
import type { StorageFaults } from '../../../src/storage/sqlite/index.js';
import type { Storage } from '../../../src/storage/types.js';
import { buildCapturingLogger } from '../../helpers/logger.js';
import { buildTestStorage, countRows, sqliteError } from '../../helpers/storage.js';
import { toClientError } from '../../../src/server/errors.js';
import { asClientSees } from '../../helpers/client-error.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** A storage whose writes fail with `code` for the operations named in `failOn` while `armed`. */
async function openFaulty(failOn: string[], code = 'SQLITE_FULL', logger?: ReturnType<typeof buildCapturingLogger>['logger']) {
  const switchboard = { armed: false };
  const faults: StorageFaults = {
    beforeWrite: (op) => {
      if (switchboard.armed && failOn.includes(op)) throw sqliteError(code);
    },
  };
  const built = await buildTestStorage({ faults, logger });
  cleanup = built.cleanup;
  return { ...built, switchboard };
}

async function openPlain(): Promise<{ storage: Storage; file: string }> {
  const built = await buildTestStorage();
  cleanup = built.cleanup;
  return built;
}

describe('transaction', () => {
  it('commits everything written through tx and returns the callback value', async () => {
    const { storage } = await openPlain();
    const { sessionId, messageId } = await storage.transaction(async (tx) => {
      const session = await tx.sessions.create({ channel: 'kiosk', language: 'vi' });
      const id = await tx.messages.append({ sessionId: session.id, role: 'citizen', text: 'xin chào' });
      return { sessionId: session.id, messageId: id };
    });
    expect((await storage.messages.list(sessionId)).map((m) => m.id)).toEqual([messageId]);
  });

  it('rolls back everything when the callback throws, and passes the error through untouched', async () => {
    const { storage, file } = await openPlain();
    let sessionId = '';
    const boom = new Error('business rule broke');
    await expect(
      storage.transaction(async (tx) => {
        sessionId = (await tx.sessions.create({ channel: 'kiosk', language: 'vi' })).id;
        await tx.messages.append({ sessionId, role: 'citizen', text: 'một' });
        await tx.tickets.create({ sessionId });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await storage.sessions.get(sessionId)).toBeUndefined();
    for (const table of ['sessions', 'messages', 'tickets']) expect(countRows(file, table)).toBe(0);
    expect((await storage.tickets.create()).number).toBe(1);
  });

  it('turns an injected SQLITE_FULL into storage_unavailable and leaves nothing half-written', async () => {
    const { storage, file, switchboard } = await openFaulty(['messages.append']);
    switchboard.armed = true;
    let sessionId = '';
    const failure = storage.transaction(async (tx) => {
      sessionId = (await tx.sessions.create({ channel: 'kiosk', language: 'vi' })).id;
      await tx.messages.append({ sessionId, role: 'citizen', text: 'hai' });
    });
    await expect(asClientSees(failure)).rejects.toMatchObject({ code: 'storage_unavailable', status: 503 });
    const error = await failure.catch((e: unknown) => e);
    expect(toClientError(error)?.message).toMatch(/không lưu được/);
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_FULL' });
    expect(await storage.sessions.get(sessionId)).toBeUndefined();
    expect(countRows(file, 'sessions')).toBe(0);

    switchboard.armed = false; // the disk recovers: the same storage keeps working
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    await storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'ba' });
    expect(await storage.messages.list(session.id)).toHaveLength(1);
  });

  it('rolls back when the commit itself fails (read-only disk)', async () => {
    const { storage, file, switchboard } = await openFaulty(['transaction.commit'], 'SQLITE_READONLY');
    switchboard.armed = true;
    await expect(
      storage.transaction(async (tx) => {
        await tx.gaps.add({ question: 'q', language: 'vi', reason: 'unanswered' });
      }),
    ).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(countRows(file, 'gaps')).toBe(0);
  });

  it('maps a failing single write too, and an IOERR extended code', async () => {
    const { storage, switchboard } = await openFaulty(['tickets.create'], 'SQLITE_IOERR_WRITE');
    switchboard.armed = true;
    await expect(storage.tickets.create()).rejects.toMatchObject({ code: 'storage_unavailable' });
    switchboard.armed = false;
    expect(await storage.tickets.listToday()).toEqual([]);
  });

  it('serialises concurrent transactions and single calls', async () => {
    const { storage } = await openPlain();
    const order: string[] = [];
    const slow = storage.transaction(async (tx) => {
      order.push('tx1 start');
      await tx.tickets.create();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.tickets.create();
      order.push('tx1 end');
    });
    const single = storage.tickets.create().then((t) => order.push(`single ${t.number}`));
    const second = storage.transaction(async (tx) => {
      order.push('tx2 start');
      await tx.tickets.create();
    });
    await Promise.all([slow, single, second]);
    expect(order).toEqual(['tx1 start', 'tx1 end', 'single 3', 'tx2 start']);
    expect((await storage.tickets.listToday()).map((t) => t.number)).toEqual([1, 2, 3, 4]);
  });

  it('rejects use of the outer storage, or a nested transaction, inside a transaction instead of deadlocking', async () => {
    const { storage } = await openPlain();
    await expect(storage.transaction(async () => storage.tickets.create())).rejects.toThrow(/use the tx argument/);
    await expect(storage.transaction(async () => storage.transaction(async () => 1))).rejects.toThrow(/use the tx argument/);
    let leaked: Parameters<Parameters<Storage['transaction']>[0]>[0] | undefined;
    await storage.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.tickets.create()).rejects.toThrow(/already finished/);
    expect(await storage.tickets.listToday()).toEqual([]);
  });

  it('logs a failed write with its operation and codes, never the personal text', async () => {
    const { logger, lines } = buildCapturingLogger();
    const { storage, switchboard } = await openFaulty(['messages.append'], 'SQLITE_FULL', logger);
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    switchboard.armed = true;
    await expect(storage.messages.append({ sessionId: session.id, role: 'citizen', text: 'Phạm Văn Đức 001099012345' })).rejects.toMatchObject({
      code: 'storage_unavailable',
    });
    const logged = lines().join('\n');
    expect(logged).toContain('messages.append');
    expect(logged).toContain('SQLITE_FULL');
    expect(logged).not.toContain('001099012345');
    expect(logged).not.toContain('Phạm Văn Đức');
  });

  it('refuses work after close', async () => {
    const built = await buildTestStorage();
    await built.storage.close();
    await expect(built.storage.tickets.listToday()).rejects.toThrow(/closed/);
    await built.cleanup();
  });
});
