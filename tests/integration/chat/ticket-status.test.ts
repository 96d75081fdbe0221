import { describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';

type App = Awaited<ReturnType<typeof buildChatApp>>['app'];

async function readTicket(app: App, id: string) {
  return app.request(`http://localhost/api/tickets/${encodeURIComponent(id)}`);
}

describe('GET /api/tickets/:id (the kiosk follows its ticket)', () => {
  it('gives the number, the people ahead and the wait, then the counter once called, and done', async () => {
    const { app, storage } = await buildChatApp();
    const first = await storage.tickets.create();
    const mine = await storage.tickets.create({});
    let response = await readTicket(app, mine.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ ticket: { number: mine.number, status: 'waiting', waitingAhead: 1, estimatedWaitMinutes: 5 } });

    await storage.tickets.call(first.id, 1);
    await storage.tickets.finish(first.id);
    await storage.tickets.call(mine.id, 3);
    response = await readTicket(app, mine.id);
    expect(await response.json()).toEqual({ ticket: { number: mine.number, status: 'called', counter: 3, waitingAhead: 0, estimatedWaitMinutes: 0 } });
    await storage.tickets.finish(mine.id);
    expect(((await (await readTicket(app, mine.id)).json()) as { ticket: { status: string } }).ticket.status).toBe('done');
  });

  it('shows nothing of the session or topic, and answers 404 / 400 for unknown or malformed ids', async () => {
    const { app, storage } = await buildChatApp();
    const session = await storage.sessions.create({ channel: 'kiosk', language: 'vi' });
    const ticket = await storage.tickets.create({ sessionId: session.id, topic: 'dang-ky-tam-tru' });
    const body = JSON.stringify(await (await readTicket(app, ticket.id)).json());
    expect(body).not.toContain(session.id);
    expect(body).not.toContain('dang-ky-tam-tru');
    expect((await readTicket(app, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await readTicket(app, '../admin')).status).toBe(400);
  });
});
