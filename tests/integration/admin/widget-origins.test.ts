import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestOfficial, startChatServer } from '../../helpers/chat-server.js';
import { buildWorkbench } from './admin-test-kit.js';

const BASE = 'http://localhost';
const ENV_SITE = 'https://cu.example.gov.vn';
const NEW_SITE = 'https://phuong.example.gov.vn';

type Built = Awaited<ReturnType<typeof buildWorkbench>>;

function chatFrom(built: Built, origin: string): Promise<Response> {
  return Promise.resolve(
    built.app.request(`${BASE}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ channel: 'widget', frame: { type: 'message', text: 'đăng ký tạm trú' } }) }),
  );
}

async function check(built: Built, origin: string): Promise<{ allowed: boolean; origin: string }> {
  const res = await built.app.request(`${BASE}/api/widget/check`, { headers: { origin } });
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  return (await res.json()) as { allowed: boolean; origin: string };
}

describe('allowed widget origins as a ward setting (admins)', () => {
  it('starts from WIDGET_ORIGINS; an admin’s list applies to the next request, is audited, and removing a site refuses it', async () => {
    const built = await buildWorkbench({ widgetOrigins: [ENV_SITE] });
    expect(await built.admin.json('GET', '/widget-origins')).toEqual({ origins: [ENV_SITE], source: 'environment', environment: [ENV_SITE] });
    expect((await chatFrom(built, NEW_SITE)).status).toBe(403);
    expect(await check(built, NEW_SITE)).toMatchObject({ allowed: false, origin: NEW_SITE });

    const saved = await built.admin.json('PUT', '/widget-origins', { origins: [`${NEW_SITE}/`, ENV_SITE, NEW_SITE] }, 200);
    expect(saved).toEqual({ origins: [NEW_SITE, ENV_SITE], source: 'setting', environment: [ENV_SITE] });
    const accepted = await chatFrom(built, NEW_SITE);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('access-control-allow-origin')).toBe(NEW_SITE);
    expect(await check(built, NEW_SITE)).toMatchObject({ allowed: true });

    await built.admin.json('PUT', '/widget-origins', { origins: [NEW_SITE] }, 200);
    expect((await chatFrom(built, ENV_SITE)).status).toBe(403);
    expect(await check(built, ENV_SITE)).toMatchObject({ allowed: false });
    // An empty saved list is a choice too: only the server's own pages, WIDGET_ORIGINS no longer applies.
    expect(await built.admin.json('PUT', '/widget-origins', { origins: [] }, 200)).toMatchObject({ origins: [], source: 'setting' });
    expect((await chatFrom(built, NEW_SITE)).status).toBe(403);
    expect((await built.app.request(`${BASE}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ frame: { type: 'message', text: 'xin chào' } }) })).status).toBe(200);

    const audit = await built.admin.json<{ events: { actor: string; action: string; before: unknown; after: unknown }[] }>('GET', '/audit?action=settings.widget-origins');
    expect(audit.events).toHaveLength(3);
    expect(audit.events[2]).toMatchObject({ actor: 'admin', before: { origins: [ENV_SITE], source: 'environment' }, after: { origins: [NEW_SITE, ENV_SITE] } });
    expect(audit.events[0]).toMatchObject({ before: { origins: [NEW_SITE], source: 'setting' }, after: { origins: [] } });
  });

  it('validates each origin, naming it; nothing is saved', async () => {
    const built = await buildWorkbench({ widgetOrigins: [ENV_SITE] });
    for (const [bad, field] of [['https://phuong.example.gov.vn/trang-chu', 'origins.0'], ['ftp://x.example', 'origins.0'], ['không phải địa chỉ', 'origins.0']] as const) {
      const res = await built.admin.request('PUT', '/widget-origins', { origins: [bad] });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(body.errors[0]).toMatchObject({ field, message: expect.stringMatching(/https:\/\//) });
    }
    expect((await built.admin.request('PUT', '/widget-origins', { origins: 'https://a.example' })).status).toBe(400);
    expect((await built.admin.request('PUT', '/widget-origins', { origins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) })).status).toBe(400);
    expect(await built.admin.json('GET', '/widget-origins')).toMatchObject({ origins: [ENV_SITE], source: 'environment' });
    expect(await built.storage.settings.get('widget-origins')).toBeUndefined();
  });

  it('is for admins only, with the CSRF token', async () => {
    const built = await buildWorkbench();
    for (const client of [built.editor, built.approver]) {
      expect((await client.request('GET', '/widget-origins')).status).toBe(403);
      expect((await client.request('PUT', '/widget-origins', { origins: [NEW_SITE] })).status).toBe(403);
    }
    const noCsrf = await built.admin.request('PUT', '/widget-origins', { origins: [NEW_SITE] }, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    expect((await built.app.request(`${BASE}/admin/api/widget-origins`)).status).toBe(401);
    expect(await built.storage.settings.get('widget-origins')).toBeUndefined();
  });

  it('opens or refuses the chat socket by the live list', async () => {
    const server = await startChatServer({ allowedOrigins: [ENV_SITE] });
    try {
      await createTestOfficial(server.storage, 'chi', 'admin');
      const open = (origin: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(server.wsUrl, { origin });
          ws.once('open', () => {
            ws.close();
            resolve(101);
          });
          ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.once('error', () => resolve(0));
        });
      expect(await open(NEW_SITE)).toBe(403);
      const login = await fetch(`${server.url}/admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chi', password: 'mat-khau-du-dai-1' }) });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const put = await fetch(`${server.url}/admin/api/widget-origins`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ origins: [NEW_SITE] }) });
      expect(put.status).toBe(200);
      expect(await open(NEW_SITE)).toBe(101);
      expect(await open(ENV_SITE)).toBe(403);
    } finally {
      await server.close();
    }
  });
});
