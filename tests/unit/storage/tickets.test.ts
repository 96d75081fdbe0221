import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/types.js';
import { wardDayOf } from '../../../src/storage/ward-day.js';
import { buildClock, buildTestStorage } from '../../helpers/storage.js';
import { asClientSees } from '../../helpers/client-error.js';

const clock = buildClock();
let storage: Storage;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  clock.set('2026-03-10T01:00:00.000Z'); // 08:00 in Hà Nội
  ({ storage, cleanup } = await buildTestStorage({ now: clock.now }));
});
afterEach(() => cleanup());

describe('wardDayOf', () => {
  it('uses Asia/Ho_Chi_Minh, not UTC or the machine zone', () => {
    expect(wardDayOf(new Date('2026-03-10T16:59:59.999Z'))).toBe('2026-03-10');
    expect(wardDayOf(new Date('2026-03-10T17:00:00.000Z'))).toBe('2026-03-11');
    expect(wardDayOf(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });
});

describe('tickets', () => {
  it('numbers tickets from 1 each ward day; 23:30 UTC already counts as the next day in Vietnam', async () => {
    const first = await storage.tickets.create({ topic: 'dang-ky-khai-sinh' });
    const second = await storage.tickets.create();
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ status: 'waiting', wardDay: '2026-03-10', topic: 'dang-ky-khai-sinh', counter: undefined });

    clock.set('2026-03-10T16:30:00.000Z'); // 23:30 in Vietnam: still the 10th
    expect((await storage.tickets.create()).number).toBe(3);

    clock.set('2026-03-10T23:30:00.000Z'); // 06:30 on the 11th in Vietnam, still the 10th in UTC
    const nextDay = await storage.tickets.create();
    expect(nextDay).toMatchObject({ number: 1, wardDay: '2026-03-11' });
    expect((await storage.tickets.create()).number).toBe(2);

    expect((await storage.tickets.listToday()).map((t) => t.number)).toEqual([1, 2]);
    clock.set('2026-03-10T12:00:00.000Z');
    expect((await storage.tickets.listToday()).map((t) => t.id)).toEqual([first.id, second.id, expect.any(String)]);
  });

  it('gives the queue position, which drops as tickets are called, finished or cancelled', async () => {
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const [a, b, c, d] = [
      await storage.tickets.create({ sessionId: session.id }),
      await storage.tickets.create(),
      await storage.tickets.create(),
      await storage.tickets.create(),
    ];
    expect(a!.sessionId).toBe(session.id);
    expect(await storage.tickets.countWaitingBefore(d!.id)).toBe(3);
    expect(await storage.tickets.countWaitingBefore(a!.id)).toBe(0);

    clock.advanceDays(0.001);
    const called = await storage.tickets.call(a!.id, 2);
    expect(called).toMatchObject({ status: 'called', counter: 2, calledAt: clock.now() });
    await storage.tickets.cancel(b!.id);
    expect(await storage.tickets.countWaitingBefore(d!.id)).toBe(1);
    expect(await storage.tickets.countWaitingBefore(a!.id)).toBe(0);

    const done = await storage.tickets.finish(a!.id);
    expect(done.status).toBe('done');
    expect(done.finishedAt).toEqual(clock.now());
    expect((await storage.tickets.listToday({ status: 'waiting' })).map((t) => t.id)).toEqual([c!.id, d!.id]);
    expect((await storage.tickets.listToday({ status: 'done' })).map((t) => t.id)).toEqual([a!.id]);
  });

  it('refuses to call or finish a closed ticket, and not_found for an unknown one', async () => {
    const ticket = await storage.tickets.create();
    await storage.tickets.finish(ticket.id);
    await expect(asClientSees(storage.tickets.call(ticket.id, 1))).rejects.toMatchObject({ code: 'ticket_closed', status: 409 });
    await expect(storage.tickets.cancel(ticket.id)).rejects.toMatchObject({ code: 'ticket_closed' });
    await expect(storage.tickets.call('nope', 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(storage.tickets.countWaitingBefore('nope')).rejects.toMatchObject({ code: 'not_found' });
    expect(await storage.tickets.get('nope')).toBeUndefined();
    expect((await storage.tickets.get(ticket.id))?.status).toBe('done');
  });

  it('re-calls a called ticket to another counter', async () => {
    const ticket = await storage.tickets.create({ counter: 1 });
    await storage.tickets.call(ticket.id, 1);
    expect((await storage.tickets.call(ticket.id, 3)).counter).toBe(3);
  });
});
