import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../src/chat/protocol.js';
import { buildChatApp } from '../../helpers/chat-server.js';
import { buildBirthDossierValues } from '../../helpers/dossier-values.js';
import { post } from './support.js';

// Finding 4: POST /api/chat {"sessionId":"<kiosk session>","frame":{"type":"message",…}} acted inside the kiosk's
// session, and the reply carried the citizen's in-progress form values.
type ChatReply = { sessionId: string | null; sessionSecret?: string; frames: ServerFrame[] };

/** A kiosk session (as the kiosk's socket would open it) in the middle of a birth registration. */
async function kioskMidForm(engine: Awaited<ReturnType<typeof buildChatApp>>['engine']) {
  const { sessionId } = await engine.open({ channel: 'kiosk' });
  await engine.startForm(sessionId, 'to-khai-khai-sinh');
  await engine.message(sessionId, 'có');
  const answer = await engine.message(sessionId, 'Nguyễn Văn Hùng');
  // What the citizen gave (not what the kiosk filled in itself, like today's date).
  const values = Object.entries(answer.form?.values ?? {}).flatMap(([field, value]) => (field === 'ngay_khai' ? [] : [value]));
  return { sessionId, values };
}

describe('finding 4: a kiosk session cannot be driven over HTTP by its id', () => {
  it('a message naming a kiosk session id runs in a new session and carries none of the kiosk’s values', async () => {
    const { app, engine, storage } = await buildChatApp();
    const kiosk = await kioskMidForm(engine);
    expect(kiosk.values).toContain('Nguyễn Văn Hùng');
    const before = (await storage.messages.list(kiosk.sessionId)).length;

    for (const frame of [{ type: 'message', text: 'tiếp tục' }, { type: 'message', text: 'đúng' }, { type: 'form', formId: 'to-khai-khai-sinh' }, { type: 'handover' }]) {
      const res = await post(app, '/api/chat', { sessionId: kiosk.sessionId, channel: 'kiosk', frame });
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const value of kiosk.values) expect(text).not.toContain(value);
      const reply = JSON.parse(text) as ChatReply;
      expect(reply.sessionId).not.toBe(kiosk.sessionId);
      expect(reply.frames[0]).toMatchObject({ type: 'session', resumed: false });
    }
    // Nothing was said in the kiosk's session, and no ticket hangs on it.
    expect(await storage.messages.list(kiosk.sessionId)).toHaveLength(before);
    expect((await storage.tickets.listToday()).filter((t) => t.sessionId === kiosk.sessionId)).toHaveLength(0);
  });

  it('cannot end a kiosk session or guess its secret', async () => {
    const { app, engine, storage } = await buildChatApp();
    const kiosk = await kioskMidForm(engine);
    await post(app, '/api/chat', { sessionId: kiosk.sessionId, frame: { type: 'end' } });
    await post(app, '/api/chat', { sessionId: kiosk.sessionId, sessionSecret: 'A'.repeat(43), frame: { type: 'end' } });
    expect((await storage.sessions.get(kiosk.sessionId))?.endedAt).toBeUndefined();
  });

  it('a kiosk whose socket is blocked goes on over HTTP with the secret from the reply body, never from a URL', async () => {
    const { app } = await buildChatApp();
    const first = (await (await post(app, '/api/chat', { channel: 'kiosk', frame: { type: 'form', formId: 'to-khai-khai-sinh' } })).json()) as ChatReply;
    expect(first.sessionSecret).toMatch(/^[\w-]{40,}$/);
    const next = (await (await post(app, '/api/chat', { sessionId: first.sessionId, sessionSecret: first.sessionSecret, channel: 'kiosk', frame: { type: 'message', text: 'có' } })).json()) as ChatReply;
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.frames[0]).toMatchObject({ type: 'answer', kind: 'form' });
  });

  it('a widget session still resumes by its id alone (its id is the widget’s own secret)', async () => {
    const { app } = await buildChatApp();
    const first = (await (await post(app, '/api/chat', { channel: 'widget', frame: { type: 'message', text: 'đăng ký tạm trú' } })).json()) as ChatReply;
    const next = (await (await post(app, '/api/chat', { sessionId: first.sessionId, channel: 'widget', frame: { type: 'message', text: 'mất bao lâu?' } })).json()) as ChatReply;
    expect(next.sessionId).toBe(first.sessionId);
  });

  it('POST /api/dossiers does not attach a dossier to a kiosk session named without its secret', async () => {
    const { app, engine, storage } = await buildChatApp();
    const kiosk = await kioskMidForm(engine);
    const res = await post(app, '/api/dossiers', { formId: 'to-khai-khai-sinh', values: buildBirthDossierValues(), sessionId: kiosk.sessionId });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect((await storage.dossiers.getByReference(reference))?.sessionId).toBeUndefined();
  });
});
