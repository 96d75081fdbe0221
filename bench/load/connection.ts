/**
 * One citizen's WebSocket, used strictly request → reply: the server handles a connection's frames in order, and
 * a citizen waits for the answer before typing again, so at most one request is ever pending.
 */
import WebSocket from 'ws';

export type Failure = 'timeout' | 'socket' | 'connect' | `frame:${string}`;

export type Reply =
  | { ok: true; ms: number; frame: Record<string, unknown> }
  | { ok: false; ms: number; failure: Failure };

interface Pending {
  expect: string;
  sentAt: number;
  timer: NodeJS.Timeout;
  resolve: (reply: Reply) => void;
}

export class Connection {
  private pending: Pending | undefined;
  private closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onFrame(data.toString()));
    // A close or error while a reply is awaited is a failure of that request; otherwise it is noticed on next send.
    ws.on('close', () => this.fail('socket'));
    ws.on('error', () => this.fail('socket'));
  }

  /** Opens `/ws/chat`; rejects with 'connect' (refused, 503 over the connection limit, timeout). */
  static open(url: string, timeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
      const onError = () => reject(new Error('connect'));
      ws.once('error', onError);
      ws.once('unexpected-response', (_req, res) => {
        res.resume();
        ws.terminate();
        reject(new Error(`connect: HTTP ${res.statusCode}`));
      });
      ws.once('open', () => {
        ws.off('error', onError);
        resolve(new Connection(ws));
      });
    });
  }

  /** Sends one frame and resolves at the frame of type `expect` (or an error frame, a close, a timeout). */
  request(frame: Record<string, unknown>, expect: string, timeoutMs: number): Promise<Reply> {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, ms: 0, failure: 'socket' });
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const timer = setTimeout(() => this.fail('timeout'), timeoutMs);
      this.pending = { expect, sentAt, timer, resolve };
      this.ws.send(JSON.stringify(frame));
    });
  }

  close(): void {
    this.closed = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
  }

  private onFrame(text: string): void {
    const p = this.pending;
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.fail('frame:not_json');
    }
    // `typing` precedes every answer; anything else unsolicited (a late reply after a timeout) is ignored.
    if (!p || frame.type === 'typing') return;
    if (frame.type === 'error') return this.settle({ ok: false, ms: performance.now() - p.sentAt, failure: `frame:${String(frame.code)}` });
    if (frame.type === p.expect) this.settle({ ok: true, ms: performance.now() - p.sentAt, frame });
  }

  private fail(failure: Failure): void {
    if (failure === 'socket') this.closed = true;
    const p = this.pending;
    if (p) this.settle({ ok: false, ms: performance.now() - p.sentAt, failure });
  }

  private settle(reply: Reply): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.resolve(reply);
  }
}
