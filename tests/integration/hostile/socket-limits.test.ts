import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatServer, type TestChatServer } from '../../helpers/chat-server.js';
import { SocketProbe } from './socket-probe.js';

let server: TestChatServer;
let idleServer: TestChatServer;
beforeAll(async () => {
  [server, idleServer] = await Promise.all([startChatServer(), startChatServer({ idleMs: 300 })]);
});
afterAll(async () => {
  await Promise.all([server.close(), idleServer.close()]);
});

function waitForClose(ws: WebSocket): Promise<{ code: number; reason: string; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), afterMs: Date.now() - started })));
}

describe('/ws/chat connection limits', () => {
  it('closes a socket that never sends anything once the idle time has passed (1000 idle)', async () => {
    const probe = await SocketProbe.connect(idleServer.wsUrl);
    const closed = await waitForClose(probe.ws);
    expect(closed).toMatchObject({ code: 1000, reason: 'idle' });
    expect(closed.afterMs).toBeLessThan(3000);
  });

  it('keeps a socket that keeps talking, and restarts the idle clock on each frame', async () => {
    const probe = await SocketProbe.connect(idleServer.wsUrl);
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await probe.exchange(JSON.stringify({ type: 'ping' }), 2)).toEqual([{ type: 'pong' }]);
    }
    expect(probe.closeInfo).toBeUndefined();
    const closed = await waitForClose(probe.ws);
    expect(closed.code).toBe(1000);
  });

  it('closes the connection (1009) on a frame above the 1 MB hard limit', async () => {
    const probe = await SocketProbe.connect(server.wsUrl);
    const closing = waitForClose(probe.ws);
    probe.ws.send('x'.repeat(1024 * 1024 + 10));
    expect((await closing).code).toBe(1009);
  });

  it('answers frames between 8 KB and 1 MB and binary frames with an error frame, and stays usable', async () => {
    const probe = await SocketProbe.connect(server.wsUrl);
    expect(await probe.exchange('y'.repeat(512 * 1024))).toEqual([expect.objectContaining({ type: 'error', code: 'frame_too_large' })]);
    expect(await probe.exchange(new Uint8Array(64 * 1024).fill(0xff))).toEqual([expect.objectContaining({ type: 'error', code: 'binary_not_supported' })]);
    const frames = await probe.exchange(JSON.stringify({ type: 'message', text: 'đăng ký tạm trú' }));
    expect(frames.find((f) => f.type === 'answer')).toMatchObject({ entryId: 'dang-ky-tam-tru' });
    probe.close();
  });
});
