import { randomBytes } from 'node:crypto';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskClients } from '../../../src/server/limits/kiosk-clients.js';
import { openSqliteStorage } from '../../../src/storage/index.js';
import { buildChatApp, createTestOfficial, startChatServer, type TestChatServer } from '../../helpers/chat-server.js';
import { buildCapturingLogger } from '../../helpers/logger.js';
import { makeTempDir } from '../../helpers/storage.js';
import { errorOf, fromAddress, post } from './support.js';

// Finding 7: one address could hold every WebSocket slot; the log-in lockout told which user names exist (real:
// 423 after 5 failures, unknown: 401 forever); a full disk logged one error line per failed write (28 in a session).
const TOKEN = 'kiosk-enrolment-token-0123456789';

/** Opens a socket; resolves with 'open' or the HTTP status the upgrade was refused with. */
function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws?: WebSocket; status?: number; retryAfter?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined }));
    ws.once('error', () => undefined);
  });
}

/** Sends pings on a socket and counts pongs and rate_limited errors. */
async function pingTimes(ws: WebSocket, times: number): Promise<{ pong: number; limited: number }> {
  const counts = { pong: 0, limited: 0 };
  await new Promise<void>((resolve) => {
    let seen = 0;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; code?: string };
      if (frame.type === 'pong') counts.pong += 1;
      if (frame.code === 'rate_limited') counts.limited += 1;
      if (++seen === times) resolve();
    });
    for (let i = 0; i < times; i += 1) ws.send(JSON.stringify({ type: 'ping' }));
  });
  return counts;
}

describe('finding 7a: one address cannot hold every WebSocket slot; the ward’s kiosks are exempt', () => {
  let server: TestChatServer | undefined;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await server?.close();
    server = undefined;
  });

  it('refuses the connection over the per-address cap with 429, and frees the slot when one closes', async () => {
    server = await startChatServer({ maxConnectionsPerAddress: 3, maxConnections: 100 });
    for (let i = 0; i < 3; i += 1) {
      const { ws } = await connect(server.wsUrl);
      expect(ws).toBeDefined();
      sockets.push(ws!);
    }
    expect(await connect(server.wsUrl)).toMatchObject({ status: 429, retryAfter: '60' });
    const closed = sockets.pop()!;
    await new Promise<void>((resolve) => {
      closed.once('close', () => resolve());
      closed.close();
    });
    await new Promise((r) => setTimeout(r, 50));
    const again = await connect(server.wsUrl);
    expect(again.ws).toBeDefined();
    sockets.push(again.ws!);
  });

  it('lets kiosks at a fixed address, or holding an enrolled token, past the connection and message caps', async () => {
    server = await startChatServer({ maxConnectionsPerAddress: 2, messagesPerMinutePerAddress: 3, kiosks: new KioskClients({ tokens: [TOKEN] }) });
    const kiosk = { cookie: `ward_kiosk=${TOKEN}` };
    for (let i = 0; i < 5; i += 1) {
      const { ws } = await connect(server.wsUrl, kiosk);
      expect(ws, `kiosk ${i}`).toBeDefined();
      sockets.push(ws!);
    }
    // Five kiosks behind one address, two messages each: ten messages, over the address's three.
    for (const ws of sockets) expect(await pingTimes(ws, 2)).toEqual({ pong: 2, limited: 0 });
    // Anyone else at that address is still capped.
    const first = await connect(server.wsUrl, { cookie: 'ward_kiosk=not-the-token-at-all' });
    const second = await connect(server.wsUrl);
    sockets.push(first.ws!, second.ws!);
    expect((await connect(server.wsUrl)).status).toBe(429);
    expect(await pingTimes(first.ws!, 4)).toEqual({ pong: 3, limited: 1 });

    const byAddress = await startChatServer({ maxConnectionsPerAddress: 1, kiosks: new KioskClients({ addresses: ['127.0.0.0/8'] }) });
    try {
      const many = await Promise.all([1, 2, 3].map(() => connect(byAddress.wsUrl)));
      for (const { ws } of many) sockets.push(ws!);
      expect(many.every((c) => c.ws)).toBe(true);
    } finally {
      for (const ws of sockets.splice(0)) ws.terminate();
      await byAddress.close();
    }
  });

  it('enrols a kiosk browser with its token (cookie, never a URL) and exempts it over HTTP too', async () => {
    const { app } = await buildChatApp({ chatMessagesPerMinutePerIp: 2, kiosks: new KioskClients({ tokens: [TOKEN] }) });
    expect((await post(app, '/api/kiosk/enroll', { token: 'wrong-token-wrong-token' })).status).toBe(403);
    const enrolled = await post(app, '/api/kiosk/enroll', { token: TOKEN });
    expect(enrolled.status).toBe(200);
    const cookie = (enrolled.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(enrolled.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(await (await app.request('http://localhost/api/kiosk', { headers: { cookie } }, fromAddress('203.0.113.7'))).json()).toEqual({ kiosk: true });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(app, '/api/chat', { frame: { type: 'ping' } }, { headers: { cookie } })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const stranger = [];
    for (let i = 0; i < 3; i += 1) stranger.push((await post(app, '/api/chat', { frame: { type: 'ping' } }, { address: '198.51.100.99' })).status);
    expect(stranger).toEqual([200, 200, 429]);
  });
});

describe('finding 7b: the log-in lockout does not reveal which user names exist', () => {
  it('answers a real and an unknown user name with the same statuses, codes and messages', async () => {
    const { app, storage } = await buildChatApp();
    await createTestOfficial(storage, 'lan', 'editor');
    const attempt = async (username: string) => {
      const res = await post(app, '/admin/api/login', { username, password: 'sai-mat-khau-roi' }, { address: `198.51.100.${username.length}` });
      const error = await errorOf(res);
      return `${res.status} ${error.code} ${error.message.replace(/\d{2}:\d{2}/, 'HH:MM')}`;
    };
    const real = [];
    const unknown = [];
    for (let i = 0; i < 7; i += 1) {
      real.push(await attempt('lan'));
      unknown.push(await attempt('khong-ai-ten-nay'));
    }
    expect(real.slice(0, 4).every((r) => r.startsWith('401 invalid_credentials'))).toBe(true);
    expect(real.slice(4).every((r) => r.startsWith('423 account_locked'))).toBe(true);
    expect(unknown).toEqual(real);
    // A disabled account answers the same way too.
    const disabled = await createTestOfficial(storage, 'cu', 'editor');
    await storage.officials.update(disabled.id, { disabled: true });
    const off = [];
    for (let i = 0; i < 7; i += 1) off.push(await attempt('cu'));
    expect(off).toEqual(real);
  });
});

describe('finding 7c: a full disk is logged once per kind per minute', () => {
  it('one conversation on a full disk gives one storage line per kind, not one per write', async () => {
    const temp = await makeTempDir();
    const { logger, lines } = buildCapturingLogger('info');
    let full = false;
    let now = new Date('2026-03-10T02:00:00.000Z');
    const storage = await openSqliteStorage({
      dataDir: path.join(temp.dir, 'data'),
      key: randomBytes(32),
      logger,
      now: () => now,
      faults: {
        beforeWrite: () => {
          if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        },
      },
    });
    const { app } = await buildChatApp({ storage, logger });
    full = true;
    let sessionId: string | undefined;
    for (const text of ['đăng ký tạm trú', 'mất bao lâu?', 'lệ phí bao nhiêu', 'giá vàng hôm nay', 'đăng ký khai sinh', 'cần giấy tờ gì', 'làm ở đâu', 'cảm ơn']) {
      const reply = (await (await post(app, '/api/chat', { ...(sessionId ? { sessionId } : {}), frame: { type: 'message', text } })).json()) as { sessionId: string };
      sessionId = reply.sessionId;
    }
    const failures = lines().map((l) => JSON.parse(l) as { msg: string; level: number; op?: string; code?: string; driverCode?: string; leftOut?: number }).filter((l) => l.level >= 40);
    // The storage's line: once per kind of write (operation and code), not once per write.
    const storageLines = failures.filter((l) => l.msg === 'storage operation failed');
    expect(storageLines.length).toBeGreaterThan(0);
    expect(new Set(storageLines.map((l) => `${l.op}:${l.code}:${l.driverCode}`)).size).toBe(storageLines.length);
    expect(storageLines.every((l) => l.code === 'storage_unavailable' && l.driverCode === 'SQLITE_FULL')).toBe(true);
    // The chat's own note: once per operation it had to go without.
    const chatLines = failures.filter((l) => l.msg.startsWith('storage write failed'));
    expect(new Set(chatLines.map((l) => l.op)).size).toBe(chatLines.length);
    expect(failures.length).toBeLessThanOrEqual(12);

    // A minute later the same kind is logged again, saying how many lines were left out.
    now = new Date(now.getTime() + 61_000);
    await post(app, '/api/chat', { sessionId, frame: { type: 'message', text: 'còn gì nữa không' } });
    const later = lines().map((l) => JSON.parse(l) as { msg: string; op: string; leftOut?: number }).filter((l) => l.msg === 'storage operation failed');
    const again = later.slice(storageLines.length);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((l) => storageLines.some((s) => s.op === l.op))).toBe(true);
    expect(again.some((l) => (l.leftOut ?? 0) >= 5)).toBe(true);
    await storage.close();
    await temp.cleanup();
  });
});
