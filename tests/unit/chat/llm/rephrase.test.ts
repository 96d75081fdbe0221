import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptRephrasing, createLlmRephraser } from '../../../../src/chat/llm/rephrase.js';
import { EntrySchema } from '../../../../src/knowledge/schema.js';
import { buildCuratedEntry } from '../../../helpers/knowledge.js';
import { buildSilentLogger } from '../../../helpers/logger.js';

// The fake endpoint answers according to the model name, so each test picks its behaviour.
let server: Server;
let url = '';
const seen: { model: string; auth?: string | undefined }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { model } = JSON.parse(body) as { model: string };
      seen.push({ model, auth: req.headers.authorization });
      const reply = (content: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
      if (model === 'good') return reply('Dạ, đăng ký khai sinh được miễn phí và làm trong 1 ngày. [1]');
      if (model === 'uncited') return reply('Dạ, đăng ký khai sinh được miễn phí.');
      if (model === 'inventive') return reply('Dạ, lệ phí là 50.000 đồng. [1]');
      if (model === 'broken') return res.writeHead(500).end('oops');
      if (model === 'garbage') return res.writeHead(200).end('not json');
      // 'slow': never answers within the timeout
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const entry = EntrySchema.parse(buildCuratedEntry());
const composed = 'Đăng ký khai sinh: nộp trực tiếp, miễn phí, thời hạn 1.';

describe('createLlmRephraser', () => {
  it('uses the reworded answer when it cites the source and adds no new number', async () => {
    const rephraser = createLlmRephraser({ url, model: 'good', apiKey: 'secret-key', logger: buildSilentLogger() });
    expect(await rephraser.rephrase({ text: composed, entry, language: 'vi' })).toBe('Dạ, đăng ký khai sinh được miễn phí và làm trong 1 ngày.');
    expect(seen.at(-1)).toEqual({ model: 'good', auth: 'Bearer secret-key' });
  });

  it.each(['uncited', 'inventive', 'broken', 'garbage', 'slow'])('keeps the composed answer when the model is %s', async (model) => {
    const rephraser = createLlmRephraser({ url, model, timeoutMs: 300, logger: buildSilentLogger() });
    expect(await rephraser.rephrase({ text: composed, entry, language: 'vi' })).toBeUndefined();
  });

  it('keeps the composed answer when the endpoint is unreachable', async () => {
    const rephraser = createLlmRephraser({ url: 'http://127.0.0.1:9/v1', model: 'good', timeoutMs: 300, logger: buildSilentLogger() });
    expect(await rephraser.rephrase({ text: composed, entry, language: 'vi' })).toBeUndefined();
  });
});

describe('acceptRephrasing', () => {
  it('accepts numbers written either way and rejects new ones', () => {
    expect(acceptRephrasing('Lệ phí 7.000 đồng. [1]', 'fee 7000 VND')).toBe(true);
    expect(acceptRephrasing('Lệ phí 8.000 đồng. [1]', 'fee 7000 VND')).toBe(false);
    expect(acceptRephrasing('Lệ phí 7.000 đồng.', 'fee 7000 VND')).toBe(false);
  });
});
