import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../src/retrieval/corpus/build-corpus.js';
import { LexicalIndex } from '../../../../src/retrieval/lexical/lexical-index.js';
import { decodeLexicalSnapshot, encodeLexicalSnapshot } from '../../../../src/retrieval/lexical/snapshot.js';
import { ANALYSIS_CACHE_SCHEMA, startRetrieval } from '../../../../src/retrieval/runtime.js';
import { Retriever } from '../../../../src/retrieval/search/retriever.js';
import { buildFixtureKnowledge } from '../../../helpers/fixture-knowledge.js';
import { buildSilentLogger } from '../../../helpers/logger.js';

const QUESTIONS = ['dang ky ket hon', 'lấy vợ cần giấy tờ gì', 'mất sổ đỏ', 'làm giấy khai sinh cho con', 'chứng thực bản sao', 'xyz'];
const SNAPSHOT = 'lexical-index.bin';

async function answers(retriever: Retriever): Promise<string> {
  return JSON.stringify(await Promise.all(QUESTIONS.map((q) => retriever.search(q, 5))));
}

describe('lexical index snapshot', () => {
  it('restores an index that answers exactly as the built one, before and after an edit', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const corpus = buildCorpus(entries);
    const built = new LexicalIndex(corpus.documents, synonyms);
    const data = decodeLexicalSnapshot(encodeLexicalSnapshot('s', corpus.documents, built.toData()), 's', corpus.documents);
    expect(data).toBeDefined();
    const fromBuilt = new Retriever({ entries, synonyms, built: { corpus, lexical: built } });
    const restored = new Retriever({ entries, synonyms, built: { corpus: buildCorpus(entries), lexical: new LexicalIndex([], synonyms, undefined, data) } });
    expect(await answers(restored)).toBe(await answers(new Retriever({ entries, synonyms })));
    const edited = entries.slice(1).map((entry, i) => (i === 0 ? { ...entry, aliases: { ...entry.aliases, vi: [...entry.aliases.vi, 'lấy vợ lấy chồng'] } } : entry));
    expect(restored.updateEntries(edited)).toEqual(fromBuilt.updateEntries(edited));
    expect(await answers(restored)).toBe(await answers(fromBuilt));
  });

  it('is refused for other documents, another schema or damaged bytes', () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const { documents } = buildCorpus(entries);
    const bytes = encodeLexicalSnapshot('s', documents, new LexicalIndex(documents, synonyms).toData());
    expect(decodeLexicalSnapshot(bytes, 's', documents)).toBeDefined();
    expect(decodeLexicalSnapshot(bytes, 's', documents.slice(1))).toBeUndefined();
    expect(decodeLexicalSnapshot(bytes, 's', documents.map((doc, i) => (i === 0 ? { id: doc.id, hash: 'changed' } : doc)))).toBeUndefined();
    expect(decodeLexicalSnapshot(bytes, 'other', documents)).toBeUndefined();
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] as number) ^ 0xff;
    expect(decodeLexicalSnapshot(damaged, 's', documents)).toBeUndefined();
    expect(decodeLexicalSnapshot(bytes.subarray(0, bytes.length / 2), 's', documents)).toBeUndefined();
  });

  it('is written by a start that built the index, reused by the next, and rewritten over a damaged one', async () => {
    const { entries, synonyms } = buildFixtureKnowledge();
    const indexDir = await mkdtemp(path.join(os.tmpdir(), 'idx-'));
    const options = { entries, synonyms, indexDir, modelDir: 'none', embedder: 'none' as const, logger: buildSilentLogger() };
    const expected = await answers((await startRetrieval(options)).retriever);
    const file = path.join(indexDir, SNAPSHOT);
    const written = await stat(file);
    await writeFile(path.join(indexDir, 'analysis-cache.json'), 'garbage that a restored start never reads');
    expect(await answers((await startRetrieval(options)).retriever)).toBe(expected);
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);
    await writeFile(file, Buffer.alloc(512, 0x5a));
    expect(await answers((await startRetrieval(options)).retriever)).toBe(expected);
    expect(decodeLexicalSnapshot(await readFile(file), ANALYSIS_CACHE_SCHEMA, buildCorpus(entries).documents)).toBeDefined();
  });
});
