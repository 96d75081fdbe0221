import type { ClientFrame, Language, ServerFrame } from './frames.js';

export interface ChatTransportOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  channel: 'kiosk' | 'widget';
  language: Language;
  onFrame: (frame: ServerFrame) => void;
  /** 'auto' tries the WebSocket and falls back to HTTP; 'http' skips the socket (networks that block it). */
  mode?: 'auto' | 'http';
  /** How long to wait for the socket to open before falling back. */
  connectTimeoutMs?: number;
}

/** One chat session with the server: WebSocket first, `POST /api/chat` if the socket cannot open. */
export class ChatTransport {
  private ws: WebSocket | undefined;
  private mode: 'pending' | 'ws' | 'http' = 'pending';
  private queue: ClientFrame[] = [];
  private sessionId: string | undefined;
  /** Given by `POST /api/chat`; a kiosk session goes on over HTTP only with it (kept in memory, never in a URL). */
  private sessionSecret: string | undefined;
  private closed = false;

  constructor(private readonly options: ChatTransportOptions) {}

  /** Whether the socket or the HTTP fallback carries the frames (for tests and diagnostics). */
  get via(): string {
    return this.mode;
  }

  /** The session's id once the server gave one (the widget's call-back request names its conversation). */
  get session(): string | undefined {
    return this.sessionId;
  }

  /** Sends a frame, connecting first if needed (a hello opens the session with the right channel). */
  send(frame: ClientFrame): void {
    if (this.closed) return;
    if (this.mode === 'ws' && this.ws?.readyState === WebSocket.OPEN) return this.ws.send(JSON.stringify(frame));
    if (this.mode === 'http') return void this.post(frame);
    this.queue.push(frame);
    if (!this.ws) this.connect();
  }

  /** Closes the connection for good; later sends are dropped. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.ws?.close(1000, 'closed');
  }

  private hello(): ClientFrame {
    return { type: 'hello', channel: this.options.channel, language: this.options.language, ...(this.sessionId ? { sessionId: this.sessionId } : {}) };
  }

  private connect(): void {
    if (this.options.mode === 'http') return this.fallBack();
    const url = `${this.options.baseUrl.replace(/^http/, 'ws')}/ws/chat`;
    let opened = false;
    const ws = new WebSocket(url);
    this.ws = ws;
    const timer = setTimeout(() => {
      if (!opened) ws.close();
    }, this.options.connectTimeoutMs ?? 4000);
    ws.onopen = () => {
      opened = true;
      clearTimeout(timer);
      this.mode = 'ws';
      ws.send(JSON.stringify(this.hello()));
      for (const frame of this.queue.splice(0)) ws.send(JSON.stringify(frame));
    };
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      if (frame.type === 'session' && frame.sessionId !== this.sessionId) {
        this.sessionId = frame.sessionId;
        this.sessionSecret = undefined;
      }
      this.options.onFrame(frame);
    };
    ws.onclose = () => {
      clearTimeout(timer);
      this.ws = undefined;
      if (this.closed) return;
      // Never opened: the network or the server refuses sockets, so use HTTP from now on.
      if (!opened) return this.fallBack();
      // Dropped later: reconnect lazily on the next send, resuming the same session (widget).
      this.mode = 'pending';
    };
  }

  private fallBack(): void {
    this.mode = 'http';
    const pending = this.queue.splice(0);
    void pending.reduce((chain, frame) => chain.then(() => this.post(frame)), Promise.resolve());
  }

  private async post(frame: ClientFrame): Promise<void> {
    try {
      const response = await fetch(`${this.options.baseUrl}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...(this.sessionId ? { sessionId: this.sessionId } : {}), ...(this.sessionSecret ? { sessionSecret: this.sessionSecret } : {}), channel: this.options.channel, language: this.options.language, frame }),
      });
      const body = (await response.json()) as { sessionId?: string | null; sessionSecret?: string; frames?: ServerFrame[]; error?: { code: string; message: string } };
      if (body.sessionId) this.sessionId = body.sessionId;
      if (body.sessionSecret) this.sessionSecret = body.sessionSecret;
      if (body.error) this.options.onFrame({ type: 'error', code: body.error.code, message: body.error.message });
      for (const f of body.frames ?? []) if (!this.closed) this.options.onFrame(f);
    } catch {
      this.options.onFrame({ type: 'error', code: 'network', message: 'Không kết nối được máy chủ, vui lòng thử lại.' });
    }
  }
}
