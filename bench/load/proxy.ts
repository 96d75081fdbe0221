/**
 * A small round-robin reverse proxy for the multi-instance load run: HTTP requests and WebSocket upgrades go to the
 * next upstream in turn (no stickiness: a reconnecting widget may land on another instance, which is the point).
 * It sets X-Forwarded-For as a load balancer would. Runs in its own process so its CPU is measured apart:
 *
 *   node --import tsx bench/load/proxy.ts --port=8080 http://127.0.0.1:3001 http://127.0.0.1:3002
 *
 * and prints `{"proxy":"ready","port":N}` once it listens.
 */
import http from 'node:http';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

export interface ProxyOptions {
  /** Upstream base URLs (http://host:port). */
  upstreams: readonly string[];
  port?: number;
  host?: string;
}

/** Starts the proxy; resolves with its server once it listens. */
export function startProxy({ upstreams, port = 0, host = '127.0.0.1' }: ProxyOptions): Promise<http.Server> {
  if (upstreams.length === 0) throw new Error('at least one upstream is required');
  const targets = upstreams.map((u) => new URL(u));
  let turn = 0;
  const pick = () => targets[turn++ % targets.length]!;
  const forwardedFor = (req: http.IncomingMessage) => [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  // Keep-alive to the upstreams, as a real load balancer pools its connections.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const server = http.createServer((req, res) => {
    const target = pick();
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, 'x-forwarded-for': forwardedFor(req) }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });

  server.on('upgrade', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = pick();
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      // Replay the upgrade request as received (with the forwarded address), then splice the two sockets.
      const headers = { ...req.headers, 'x-forwarded-for': forwardedFor(req) };
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (const [name, value] of Object.entries(headers)) {
        for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) lines.push(`${name}: ${v}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    const close = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', close);
    client.on('error', close);
    upstream.on('close', close);
    client.on('close', close);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? '0');
  const upstreams = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const server = await startProxy({ upstreams, port });
  const address = server.address();
  console.log(JSON.stringify({ proxy: 'ready', port: typeof address === 'object' && address ? address.port : port }));
  process.once('SIGTERM', () => process.exit(0));
}
