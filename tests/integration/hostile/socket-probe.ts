import WebSocket from 'ws';
import type { ServerFrame } from '../../../src/chat/protocol.js';

/**
 * A raw socket client for hostile input: sends anything, then a `ping`, and collects every frame up to the `pong`.
 * Frames of one connection are handled in order, so what came before the pong is the reply to the payload.
 */
export class SocketProbe {
  private frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];
  private closed: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as ServerFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Opens a connection to `url`. */
  static async connect(url: string): Promise<SocketProbe> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new SocketProbe(ws);
  }

  /** How the connection closed, if it did. */
  get closeInfo(): { code: number; reason: string } | undefined {
    return this.closed;
  }

  /**
   * Sends `payload` (a string as text, bytes as a binary frame) and then a ping; resolves with the frames received
   * before the last of `expectedPongs` pongs (two when the payload was itself a valid ping).
   */
  async exchange(payload: string | Uint8Array, expectedPongs = 1, timeoutMs = 10_000): Promise<ServerFrame[]> {
    const from = this.frames.length;
    this.ws.send(payload, { binary: typeof payload !== 'string' });
    this.ws.send(JSON.stringify({ type: 'ping' }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.frames.slice(from);
      if (got.filter((f) => f.type === 'pong').length >= expectedPongs) {
        const last = got.map((f) => f.type).lastIndexOf('pong');
        return got.slice(0, last);
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) after ${JSON.stringify(payload).slice(0, 200)}`);
      if (Date.now() > deadline) throw new Error(`no pong within ${timeoutMs} ms after ${JSON.stringify(payload).slice(0, 200)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes the connection. */
  close(): void {
    this.ws.close();
  }
}
