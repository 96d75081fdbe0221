import { describe, expect, it } from 'vitest';
import { createApp, type HealthReport } from '../../src/server/index.js';
import { buildCapturingLogger, buildSilentLogger } from '../helpers/logger.js';

describe('GET /healthz', () => {
  it('answers 503 starting until the knowledge base is searchable, then 200 ok', async () => {
    let health: HealthReport = { status: 'starting' };
    const app = createApp({ logger: buildSilentLogger(), getHealth: () => health, getSearch: () => undefined });
    const before = await app.request('http://localhost/healthz');
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'starting' });

    health = { status: 'ok', entries: 3 };
    const after = await app.request('http://localhost/healthz');
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ok', entries: 3 });
  });

  it('gives a request id on every response and logs the path without the query', async () => {
    const { logger, lines } = buildCapturingLogger();
    const app = createApp({ logger, getHealth: () => ({ status: 'ok' }), getSearch: () => undefined });
    const res = await app.request('http://localhost/healthz?q=Nguy%E1%BB%85n%20V%C4%83n%20A');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const logged = lines().join('\n');
    expect(logged).toContain('"path":"/healthz"');
    expect(logged).not.toContain('Nguy');
  });
});

describe('unknown routes', () => {
  it('answer a JSON 404 with a stable code', async () => {
    const app = createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => undefined });
    const res = await app.request('http://localhost/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
