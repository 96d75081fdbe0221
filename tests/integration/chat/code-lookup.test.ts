import { describe, expect, it } from 'vitest';
import type { AnswerFrame, ServerFrame } from '../../../src/chat/protocol.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../src/retrieval/search/index.js';
import { createApp } from '../../../src/server/index.js';
import { buildChatApp } from '../../helpers/chat-server.js';
import { buildFixtureKnowledge } from '../../helpers/fixture-knowledge.js';
import { buildSilentLogger } from '../../helpers/logger.js';

type ChatResponse = { sessionId: string | null; frames: ServerFrame[] };

/** Sends one widget message over the HTTP chat of a fixture knowledge base and returns the answer frame. */
async function ask(text: string): Promise<AnswerFrame> {
  const { app } = await buildChatApp({ entries: buildFixtureKnowledge().entries });
  const res = await app.request('http://localhost/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'widget', frame: { type: 'message', text } }),
  });
  return ((await res.json()) as ChatResponse).frames.find((f) => f.type === 'answer') as AnswerFrame;
}

// Issue 19: a national code typed anywhere finds its procedure; records of the same name are told apart.
describe('national codes and identical names, end to end', () => {
  it('/api/search puts the procedure of a typed code first, a folded code leading to its curated entry', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const retriever = new Retriever({ entries, synonyms, thresholds: DEFAULT_THRESHOLDS });
    const app = createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => (q, k) => retriever.search(q, k) });
    for (const [q, id] of [['1.000894', 'dang-ky-ket-hon'], ['thủ tục 2.000003', 'dvc-2.000003']] as const) {
      const body = (await (await app.request(`http://localhost/api/search?q=${encodeURIComponent(q)}`)).json()) as { answerable: boolean; results: { id: string }[] };
      expect(body.results[0]?.id).toBe(id);
      expect(body.answerable).toBe(true);
    }
  });

  it('the chat answers a question that gives a code, about the aspect asked', async () => {
    const answer = await ask('thủ tục 1.000894 lệ phí bao nhiêu');
    expect(answer.entryId).toBe('dang-ky-ket-hon');
    expect(answer.text).toMatch(/miễn phí/iu);
  });

  it('asks which of two records of the same name is meant, with two different labels', async () => {
    const answer = await ask('Cấp giấy phép xây dựng nhà ở riêng lẻ');
    expect(answer.kind).toBe('clarify');
    const labels = (answer.choices ?? []).map((c) => c.label);
    expect(labels).toHaveLength(2);
    expect(new Set(labels).size).toBe(2);
  });
});
