import { afterEach, describe, expect, it } from 'vitest';
import type { ServerFrame, TicketFrame } from '../../../src/chat/protocol.js';
import { buildChatApp, ChatClient, startChatServer, type TestChatServer } from '../../helpers/chat-server.js';
import { errorOf, post } from './support.js';

// Finding 3: one session sending {"type":"handover"} three times got tickets 1, 2, 3; a cross-site text/plain
// POST /api/chat with a handover frame also took a ticket.
type ChatReply = { sessionId: string | null; frames: ServerFrame[] };

describe('finding 3: one open hand-over ticket per session', () => {
  let server: TestChatServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('over the socket, asking three times gives the same ticket and place in the queue', async () => {
    server = await startChatServer();
    const someoneElse = await ChatClient.connect(server.wsUrl);
    await someoneElse.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    await someoneElse.ask({ type: 'handover' }, 'ticket');
    const client = await ChatClient.connect(server.wsUrl);
    await client.ask({ type: 'hello', channel: 'kiosk' }, 'session');
    const tickets: TicketFrame[] = [];
    for (let i = 0; i < 3; i += 1) tickets.push(await client.ask({ type: 'handover' }, 'ticket'));
    expect(tickets.map((t) => t.ticket.number)).toEqual([2, 2, 2]);
    expect(new Set(tickets.map((t) => t.ticket.id)).size).toBe(1);
    expect(tickets.map((t) => t.ticket.waitingAhead)).toEqual([1, 1, 1]);
    expect(tickets[1]!.text).toMatch(/^Bạn đã lấy số rồi: số thứ tự của bạn vẫn là 2\./);
    expect(await server.storage.tickets.listToday()).toHaveLength(2);
    // The dashboard counts two hand-overs, not four.
    const usage = await server.storage.usage.list({ from: '2000-01-01', to: '2100-01-01' });
    expect(usage.filter((u) => u.metric === 'handover').reduce((n, u) => n + u.count, 0)).toBe(2);
    someoneElse.ws.close();
    client.ws.close();
  });

  it('over HTTP too; and a cross-site or text/plain post takes no ticket at all', async () => {
    const { app, storage } = await buildChatApp();
    const first = (await (await post(app, '/api/chat', { frame: { type: 'handover' } })).json()) as ChatReply;
    const again = (await (await post(app, '/api/chat', { sessionId: first.sessionId, frame: { type: 'handover' } })).json()) as ChatReply;
    expect((again.frames[0] as TicketFrame).ticket).toEqual((first.frames[1] as TicketFrame).ticket);

    const body = JSON.stringify({ frame: { type: 'handover' } });
    const crossSite = await post(app, '/api/chat', body, { origin: 'https://evil.example', contentType: 'text/plain' });
    expect(crossSite.status).toBe(403);
    expect(await errorOf(crossSite)).toMatchObject({ code: 'origin_not_allowed' });
    const plain = await post(app, '/api/chat', body, { contentType: 'text/plain' });
    expect(plain.status).toBe(415);
    expect(await storage.tickets.listToday()).toHaveLength(1);
  });
});
