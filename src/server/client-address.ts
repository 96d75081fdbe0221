import type { IncomingMessage } from 'node:http';

/** The client's address: the socket's, or the first X-Forwarded-For hop when behind a trusted proxy. */
export function getClientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The host this request was sent to (`X-Forwarded-Host` behind a trusted proxy): the server's own origin. */
export function requestHost(c: { req: { header(name: string): string | undefined; url: string } }, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || c.req.header('host') || new URL(c.req.url).host;
}
