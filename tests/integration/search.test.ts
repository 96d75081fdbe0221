import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, Retriever } from '../../src/retrieval/search/index.js';
import { createApp } from '../../src/server/index.js';
import { buildFixtureKnowledge } from '../helpers/fixture-knowledge.js';
import { buildCapturingLogger, buildSilentLogger } from '../helpers/logger.js';

function buildApp(ready = true) {
  const { entries, synonyms } = buildFixtureKnowledge();
  const retriever = new Retriever({ entries, synonyms, thresholds: DEFAULT_THRESHOLDS });
  return createApp({
    logger: buildSilentLogger(),
    getHealth: () => ({ status: ready ? 'ok' : 'starting' }),
    getSearch: () => (ready ? (q, k) => retriever.search(q, k) : undefined),
  });
}

const get = (app: ReturnType<typeof buildApp>, query: string) => app.request(`http://localhost/api/search?${query}`);

describe('GET /api/search', () => {
  it('answers the search contract (docs/decisions.md)', async () => {
    const res = await get(buildApp(), `q=${encodeURIComponent('đăng ký kết hôn')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; answerable: boolean; results: { id: string; title: string; score: number }[] };
    expect(body.query).toBe('đăng ký kết hôn');
    expect(body.answerable).toBe(true);
    expect(body.results[0]).toMatchObject({ id: 'dang-ky-ket-hon', title: 'Đăng ký kết hôn', score: expect.any(Number) });
    expect(body.results.length).toBeLessThanOrEqual(5);
    const scores = body.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours k', async () => {
    const body = (await (await get(buildApp(), 'q=cap+giay&k=1')).json()) as { results: unknown[] };
    expect(body.results).toHaveLength(1);
  });

  it('says answerable false with suggestions for an out-of-scope question', async () => {
    const body = (await (await get(buildApp(), `q=${encodeURIComponent('hôm nay trời có mưa không')}`)).json()) as { answerable: boolean };
    expect(body.answerable).toBe(false);
  });

  it.each([
    ['missing q', '', 'q'],
    ['empty q', 'q=', 'q'],
    ['blank q', 'q=%20%20', 'q'],
    ['q over 500 characters', `q=${'a'.repeat(501)}`, 'q'],
    ['k not a number', 'q=ket+hon&k=abc', 'k'],
    ['k zero', 'q=ket+hon&k=0', 'k'],
    ['k over 20', 'q=ket+hon&k=21', 'k'],
    ['k fractional', 'q=ket+hon&k=2.5', 'k'],
  ])('rejects %s with a 400 naming the field', async (_name, query, field) => {
    const res = await get(buildApp(), query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string }; errors: { field: string; message: string }[] };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBeTruthy();
    expect(body.errors.map((e) => e.field)).toContain(field);
  });

  it('accepts exactly 500 characters', async () => {
    expect((await get(buildApp(), `q=${'a'.repeat(500)}`)).status).toBe(200);
  });

  it('answers 503 while the index is being built', async () => {
    const res = await get(buildApp(false), 'q=ket+hon');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
  });

  it('never logs the question', async () => {
    const { logger, lines } = buildCapturingLogger();
    const { entries, synonyms } = buildFixtureKnowledge();
    const retriever = new Retriever({ entries, synonyms });
    const app = createApp({ logger, getHealth: () => ({ status: 'ok' }), getSearch: () => (q, k) => retriever.search(q, k) });
    await app.request(`http://localhost/api/search?q=${encodeURIComponent('Nguyễn Văn Bình 079123456789')}`);
    const logged = lines().join('\n');
    expect(logged).not.toContain('079123456789');
    expect(logged).not.toContain('Bình');
  });
});
