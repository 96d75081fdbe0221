import { describe, expect, it } from 'vitest';
import { buildChatApp, createTestOfficial } from '../../helpers/chat-server.js';
import { buildWorkbench, OfficialClient, PASSWORD } from './admin-test-kit.js';

describe('officials\u2019 log-in, lockout, CSRF and roles', () => {
  it('answers a wrong password and an unknown user the same way, and logs in with the right one', async () => {
    const { app, storage } = await buildChatApp();
    await createTestOfficial(storage, 'lan', 'editor');
    const client = new OfficialClient(app);
    const wrong = await client.login('lan', 'sai-mat-khau-roi');
    const unknown = await client.login('khong-co-ai', 'sai-mat-khau-roi');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const ok = await client.login('LAN ');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ward_admin=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin/);
    const session = await client.json<{ official: { username: string; role: string }; csrfToken: string }>('GET', '/session');
    expect(session.official).toMatchObject({ username: 'lan', role: 'editor' });
    expect(session.csrfToken).toBe(client.csrf);
    // The database keeps only a hash of the cookie token.
    const token = client.cookie.split('=')[1] ?? '';
    expect(await storage.officialSessions.get(token)).toBeUndefined();
  });

  it('locks an account after five failures, even against the right password, until the lock ends', async () => {
    let now = new Date('2026-11-23T02:00:00Z');
    const { app, storage } = await buildChatApp({ now: () => now });
    await createTestOfficial(storage, 'minh', 'approver');
    const client = new OfficialClient(app);
    for (let i = 0; i < 4; i += 1) expect((await client.login('minh', `sai-lan-thu-${i}`)).status).toBe(401);
    const fifth = await client.login('minh', 'sai-lan-thu-5');
    expect(fifth.status).toBe(423);
    const body = (await fifth.json()) as { error: { code: string; message: string }; lockedUntil: string };
    expect(body.error.code).toBe('account_locked');
    expect(new Date(body.lockedUntil).getTime()).toBe(now.getTime() + 15 * 60_000);
    expect((await client.login('minh', PASSWORD)).status).toBe(423);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await client.login('minh', PASSWORD)).status).toBe(200);
    const audit = await storage.audit.list({});
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['login.failed', 'account.locked', 'login.refused', 'login']));
    expect(JSON.stringify(audit)).not.toContain('sai-lan-thu');
  });

  it('refuses state-changing requests without the CSRF token or from another origin', async () => {
    const { app, editor } = await buildWorkbench();
    const draft = { content: {}, baseRevisionId: null };
    const noToken = await app.request('http://localhost/admin/api/gaps/dismiss', { method: 'POST', headers: { cookie: editor.cookie, 'content-type': 'application/json' }, body: JSON.stringify(draft) });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrongToken = await editor.request('POST', '/gaps/dismiss', { gapIds: ['x'] }, { 'x-csrf-token': 'nope' });
    expect(wrongToken.status).toBe(403);
    const otherSite = await editor.request('POST', '/gaps/dismiss', { gapIds: ['x'] }, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    // With the token, the same request reaches the route (an unknown gap id is a 404, not a CSRF refusal).
    expect((await editor.request('POST', '/gaps/dismiss', { gapIds: ['x'] })).status).toBe(404);
  });

  it('checks the role on every route: anonymous 401, editor cannot publish or read the audit log', async () => {
    const { app, editor, approver, admin } = await buildWorkbench();
    for (const path of ['/knowledge/entries', '/gaps/groups', '/stats', '/tickets', '/dossiers', '/audit', '/officials', '/revisions']) {
      const res = await app.request(`http://localhost/admin/api${path}`);
      expect(res.status, path).toBe(401);
    }
    expect((await editor.request('GET', '/audit')).status).toBe(403);
    expect((await editor.request('GET', '/officials')).status).toBe(403);
    expect((await approver.request('GET', '/audit')).status).toBe(403);
    expect((await admin.request('GET', '/audit')).status).toBe(200);
    const entry = await editor.json<{ entry: Record<string, unknown>; currentRevisionId: null }>('GET', '/knowledge/entries/dang-ky-khai-sinh');
    const saved = await editor.json<{ revision: { id: string } }>('POST', '/knowledge/entries/dang-ky-khai-sinh/drafts', { content: entry.entry, baseRevisionId: null }, 201);
    const publish = await editor.request('POST', `/revisions/${saved.revision.id}/publish`);
    expect(publish.status).toBe(403);
    expect(((await publish.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await editor.request('POST', '/knowledge/entries/dang-ky-khai-sinh/rollback', { to: 'baseline', baseRevisionId: null })).status).toBe(403);
    expect((await editor.request('POST', '/officials', { username: 'moi', displayName: 'Mới', role: 'admin', password: 'mot-mat-khau-dai' })).status).toBe(403);
  });

  it('logs out: the cookie stops working at once', async () => {
    const { editor } = await buildWorkbench();
    expect((await editor.request('POST', '/logout')).status).toBe(204);
    expect((await editor.request('GET', '/session')).status).toBe(401);
  });

  it('ends an official\u2019s sessions when an admin disables the account or resets the password', async () => {
    const { editor, admin, storage } = await buildWorkbench();
    const official = await storage.officials.findByUsername('editor');
    await admin.json('PATCH', `/officials/${official!.id}`, { disabled: true }, 200);
    expect((await editor.request('GET', '/session')).status).toBe(401);
    expect((await editor.login('editor')).status).toBe(401);
    // The last active admin cannot demote themselves.
    const self = await storage.officials.findByUsername('admin');
    const demote = await admin.request('PATCH', `/officials/${self!.id}`, { role: 'editor' });
    expect(demote.status).toBe(409);
  });

  it('keeps the ADMIN_TOKEN for scripts, but knowledge edits need a personal account', async () => {
    const { app } = await buildWorkbench({ adminToken: 'script-token-123' });
    const headers = { authorization: 'Bearer script-token-123', 'content-type': 'application/json' };
    expect((await app.request('http://localhost/admin/api/tickets', { headers })).status).toBe(200);
    expect((await app.request('http://localhost/admin/api/tickets', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const entry = (await (await app.request('http://localhost/admin/api/knowledge/entries/dang-ky-khai-sinh', { headers })).json()) as { entry: unknown };
    const res = await app.request('http://localhost/admin/api/knowledge/entries/dang-ky-khai-sinh/drafts', { method: 'POST', headers, body: JSON.stringify({ content: entry.entry, baseRevisionId: null }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('personal_account_required');
  });
});

describe('unknown admin paths', () => {
  it('answer 404 to any official, not a role refusal', async () => {
    const { editor } = await buildWorkbench();
    const res = await editor.request('GET', '/khong-co-duong-nay');
    expect(res.status).toBe(404);
  });
});
