import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { dispatchFrame, type ChatContext } from '../../chat/dispatch.js';
import type { ChatEngine } from '../../chat/engine/chat-engine.js';
import { ClientFrameSchema, type ServerFrame } from '../../chat/protocol.js';
import type { Logger } from '../../shared/logger.js';
import { toFieldErrors } from '../../shared/zod-errors.js';
import { getClientAddress } from '../client-address.js';
import { KioskClients } from '../limits/kiosk-clients.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { isOriginAllowed } from '../static/origin-allowlist.js';
import { toClientError } from '../errors.js';

export interface ChatSocketOptions {
  engine: ChatEngine;
  logger: Logger;
  trustProxy: boolean;
  maxConnections?: number;
  /** Connections one address may hold at once (CHAT_MAX_CONNECTIONS_PER_IP); the ward's kiosks are exempt. */
  maxConnectionsPerAddress?: number;
  /** The ward's kiosks (fixed addresses or an enrolled cookie): exempt from the per-address caps. */
  kiosks?: KioskClients;
  messagesPerMinute?: number;
  messagesPerMinutePerAddress?: number;
  /** Frames above this many bytes get an error frame (the connection stays open). */
  maxFrameBytes?: number;
  heartbeatMs?: number;
  /** A connection that sends nothing for this long is closed. */
  idleMs?: number;
  /** Browser origins besides the server's own that may open the socket (the widget's host sites), or how to read them per upgrade (an admin edits them live). */
  allowedOrigins?: readonly string[] | (() => readonly string[]);
}

/** A running chat socket: how many connections it holds, and how to close them all. */
export interface ChatSocket {
  connections(): number;
  close(): Promise<void>;
}

const PATH = '/ws/chat';
// ws itself drops anything bigger than this (protects memory); between maxFrameBytes and this we answer politely.
const HARD_LIMIT_BYTES = 1024 * 1024;

/** Attaches the `/ws/chat` WebSocket endpoint to the HTTP server. */
export function attachChatSocket(server: Server, options: ChatSocketOptions): ChatSocket {
  const {
    engine,
    trustProxy,
    maxConnections = 500,
    maxConnectionsPerAddress = 20,
    kiosks = new KioskClients(),
    messagesPerMinute = 20,
    messagesPerMinutePerAddress = 60,
    maxFrameBytes = 8 * 1024,
    heartbeatMs = 30_000,
    idleMs = 15 * 60_000,
  } = options;
  const log = options.logger.child({ module: 'ws' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_LIMIT_BYTES });
  const perAddress = new RateLimiter(messagesPerMinutePerAddress);
  const alive = new WeakMap<WebSocket, boolean>();
  // Open (and opening) connections per address, so one address cannot take every slot.
  const perAddressOpen = new Map<string, number>();
  const release = (address: string) => {
    const left = (perAddressOpen.get(address) ?? 1) - 1;
    if (left <= 0) perAddressOpen.delete(address);
    else perAddressOpen.set(address, left);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH) return;
    // Browsers send Origin on every WebSocket upgrade and do not apply CORS to it, so the allowlist is checked here.
    const allowed = typeof options.allowedOrigins === 'function' ? options.allowedOrigins() : (options.allowedOrigins ?? []);
    if (!isOriginAllowed(req.headers.origin, req.headers.host, allowed)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"error":{"code":"origin_not_allowed","message":"Trang web này không được phép dùng trợ lý."}}');
      return;
    }
    if (wss.clients.size >= maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"error":{"code":"too_many_connections","message":"Hệ thống đang bận, vui lòng thử lại sau."}}');
      return;
    }
    const address = getClientAddress(req, trustProxy);
    const kiosk = kiosks.recognize(address, req.headers.cookie);
    if (!kiosk && (perAddressOpen.get(address) ?? 0) >= maxConnectionsPerAddress) {
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 60\r\nConnection: close\r\n\r\n{"error":{"code":"too_many_connections","message":"Có quá nhiều kết nối từ cùng một địa chỉ, vui lòng đóng bớt rồi thử lại."}}',
      );
      return;
    }
    // Counted from here, so upgrades still in progress count too; released when the socket closes or never opens.
    // Kiosks are not counted: they must not use up the allowance of the citizens who share their address.
    let opened = false;
    if (!kiosk) {
      perAddressOpen.set(address, (perAddressOpen.get(address) ?? 0) + 1);
      socket.once('close', () => {
        if (!opened) release(address);
      });
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened = true;
      if (!kiosk) ws.once('close', () => release(address));
      wss.emit('connection', ws, req, kiosk);
    });
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket, req: IncomingMessage, kiosk: boolean) => {
    const address = getClientAddress(req, trustProxy);
    const perConnection = new RateLimiter(messagesPerMinute);
    const context: ChatContext = { channel: 'widget' };
    let queue = Promise.resolve();
    let idleTimer = setTimeout(() => ws.close(1000, 'idle'), idleMs);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));

    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const sendError = (code: string, message: string, errors?: { field: string; message: string }[]) =>
      send({ type: 'error', code, message, ...(errors ? { errors } : {}) });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => ws.close(1000, 'idle'), idleMs);
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (isBinary) return sendError('binary_not_supported', 'Chỉ nhận tin nhắn dạng văn bản (JSON).');
      if (size > maxFrameBytes) return sendError('frame_too_large', 'Tin nhắn quá dài, vui lòng gửi ngắn hơn.');
      if (!perConnection.take('c') || (!kiosk && !perAddress.take(address))) {
        return sendError('rate_limited', 'Bạn gửi tin nhắn nhanh quá, vui lòng chờ một chút rồi gửi lại.');
      }
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return sendError('invalid_json', 'Tin nhắn không đúng định dạng JSON.');
      }
      const parsed = ClientFrameSchema.safeParse(json);
      if (!parsed.success) return sendError('invalid_frame', 'Tin nhắn không hợp lệ.', toFieldErrors(parsed.error));
      const frame = parsed.data;
      // Frames of one connection are handled in order, one at a time.
      queue = queue.then(async () => {
        if (frame.type === 'message') send({ type: 'typing' });
        try {
          for (const out of await dispatchFrame(engine, context, frame)) send(out);
        } catch (error) {
          const known = toClientError(error);
          if (known) return sendError(known.code, known.message, known.errors);
          log.error({ err: { type: (error as Error)?.name, stack: (error as Error)?.stack } }, 'chat frame failed');
          sendError('internal_error', 'Đã có lỗi xảy ra, vui lòng thử lại.');
        }
      });
    });
    ws.on('close', () => clearTimeout(idleTimer));
    ws.on('error', (error) => log.warn({ err: { type: error.name } }, 'socket error'));
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
    perAddress.sweep();
  }, heartbeatMs);
  heartbeat.unref();

  return {
    connections: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        wss.close(() => resolve());
      }),
  };
}
