import { describe, expect, it } from 'vitest';
import { buildChatApp } from '../../helpers/chat-server.js';
import { buildCapturingLogger } from '../../helpers/logger.js';

describe('chat logs', () => {
  it('carry no message text and no personal data, even at trace level', async () => {
    const { logger, lines } = buildCapturingLogger('trace');
    const { app } = await buildChatApp({ logger });
    const say = (sessionId: string | null, text: string) =>
      app.request('http://localhost/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(sessionId ? { sessionId } : {}), frame: { type: 'message', text } }),
      });
    const first = (await (await say(null, 'Tôi là Phạm Thị Lụa, CCCD 001190012345, muốn đăng ký kết hôn')).json()) as { sessionId: string };
    await say(first.sessionId, 'số điện thoại của tôi là 0987654321, thời tiết mai thế nào');
    await app.request('http://localhost/api/search?q=L%E1%BB%A5a%20001190012345');
    const logged = lines().join('\n');
    expect(lines().length).toBeGreaterThan(0);
    for (const secret of ['Lụa', '001190012345', '0987654321', 'thời tiết', 'kết hôn']) expect(logged).not.toContain(secret);
  });
});
