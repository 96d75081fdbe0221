import type { Hono } from 'hono';
import { buildChatApp, createTestOfficial } from '../../helpers/chat-server.js';
import type { OfficialRole } from '../../../src/storage/types.js';

export const PASSWORD = 'mat-khau-du-dai-1';
const BASE = 'http://localhost';

/** A logged-in official's HTTP client over app.request(): keeps the cookie and sends the CSRF token. */
export class OfficialClient {
  cookie = '';
  csrf = '';
  constructor(private readonly app: Hono) {}

  async login(username: string, password = PASSWORD): Promise<Response> {
    const res = await this.app.request(`${BASE}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.ok) {
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const unsafe = method !== 'GET';
    return Promise.resolve(
      this.app.request(`${BASE}/admin/api${path}`, {
        method,
        headers: { cookie: this.cookie, ...(unsafe ? { 'content-type': 'application/json', 'x-csrf-token': this.csrf } : {}), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown, expected = method === 'GET' ? 200 : undefined): Promise<T> {
    const res = await this.request(method, path, body);
    const data = (await res.json()) as T;
    if (expected !== undefined && res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
}

/** The real app over the curated entries with one account per role, each logged in. */
export async function buildWorkbench(options: Parameters<typeof buildChatApp>[0] = {}) {
  const built = await buildChatApp(options);
  const clients = {} as Record<OfficialRole, OfficialClient>;
  for (const role of ['editor', 'approver', 'admin'] as const) {
    await createTestOfficial(built.storage, role, role, PASSWORD);
    clients[role] = new OfficialClient(built.app);
    const res = await clients[role].login(role);
    if (!res.ok) throw new Error(`login ${role}: ${res.status}`);
  }
  return { ...built, ...clients };
}

/** Asks the assistant one question over POST /api/chat and returns the final answer frame. */
export async function ask(app: Hono, text: string): Promise<{ kind: string; text: string; entryId?: string; citations: { id: string }[] }> {
  const res = await app.request(`${BASE}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text } }) });
  const body = (await res.json()) as { frames: { type: string }[] };
  const answer = body.frames.find((f) => f.type === 'answer');
  if (!answer) throw new Error(`no answer frame: ${JSON.stringify(body)}`);
  return answer as never;
}
