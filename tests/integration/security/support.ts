import type { Hono } from 'hono';

/** What `@hono/node-server` puts in the env: lets a test call the app as a client at `address`. */
export function fromAddress(address: string, headers: Record<string, string> = {}): { incoming: { headers: Record<string, string>; socket: { remoteAddress: string } } } {
  return { incoming: { headers, socket: { remoteAddress: address } } };
}

export interface PostOptions {
  address?: string;
  origin?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** POSTs a body (objects are JSON-encoded) as a client at `address`, with an optional Origin and content type. */
export async function post(app: Hono, path: string, body: unknown, { address = '203.0.113.7', origin, contentType = 'application/json', headers = {} }: PostOptions = {}): Promise<Response> {
  return app.request(
    `http://localhost${path}`,
    {
      method: 'POST',
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(origin ? { origin } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    fromAddress(address),
  );
}

/** The error envelope of a 4xx/5xx response. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}
