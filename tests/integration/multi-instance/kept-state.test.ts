/**
 * The chat engine's in-memory fallback (a dialogue state kept while the database refused the write) must not
 * shadow the database once another instance has carried the conversation on: two engines over one database.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatEngine } from '../../../src/chat/engine/chat-engine.js';
import { createFormCatalog } from '../../../src/chat/forms/catalog.js';
import { SynonymsFileSchema } from '../../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../src/retrieval/search/index.js';
import { storageUnavailable } from '../../../src/storage/index.js';
import type { Storage } from '../../../src/storage/types.js';
import { loadCuratedEntries } from '../../helpers/chat-server.js';
import { KNOWLEDGE_DIR } from '../../helpers/fault-server-compose.js';
import { buildSilentLogger } from '../../helpers/logger.js';
import { buildTestStorage } from '../../helpers/storage.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The same storage, except that saving a dialogue state fails while `failing.on`. */
function withFailingState(storage: Storage, failing: { on: boolean }): Storage {
  const sessions = new Proxy(storage.sessions, {
    get(target, key, receiver) {
      if (key === 'updateState' && failing.on) return () => Promise.reject(storageUnavailable());
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return new Proxy(storage, { get: (target, key, receiver) => (key === 'sessions' ? sessions : (Reflect.get(target, key, receiver) as unknown)) });
}

describe('a dialogue state kept in memory on one instance', () => {
  it('gives way to the newer state another instance stored', async () => {
    const { storage, cleanup } = await buildTestStorage();
    cleanups.push(cleanup);
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.join(KNOWLEDGE_DIR, 'synonyms.yaml'), 'utf8'))).synonyms;
    const retriever = new Retriever({ entries: await loadCuratedEntries(), synonyms, thresholds: DEFAULT_THRESHOLDS });
    const failing = { on: true };
    const build = (s: Storage) => new ChatEngine({ retrieval: () => retriever, storage: s, ward: () => undefined, logger: buildSilentLogger(), forms: createFormCatalog() });
    const a = build(withFailingState(storage, failing));
    const b = build(storage);

    const { sessionId } = await a.open({ channel: 'widget' });
    // On A the state cannot be saved: A keeps it (the conversation is about birth registration).
    expect(await a.message(sessionId, 'làm giấy khai sinh cần gì')).toMatchObject({ entryId: 'dang-ky-khai-sinh' });
    failing.on = false;
    // Still on A: the kept state carries the follow-up.
    expect(await a.followUp(sessionId, 'fee')).toMatchObject({ entryId: 'dang-ky-khai-sinh' });
    failing.on = true;
    await a.message(sessionId, 'làm giấy khai sinh cần gì');
    failing.on = false;

    // The citizen reconnects to B and talks about marriage; B stores that state.
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.message(sessionId, 'đăng ký kết hôn cần giấy tờ gì')).toMatchObject({ entryId: 'dang-ky-ket-hon' });
    // Back on A: the database is newer than what A kept, so the follow-up is about marriage.
    expect(await a.followUp(sessionId, 'fee')).toMatchObject({ entryId: 'dang-ky-ket-hon' });
  });
});
