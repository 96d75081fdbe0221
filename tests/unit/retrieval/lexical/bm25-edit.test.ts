import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/retrieval/embed/lsa/linalg.js';
import { Bm25Index, type Bm25Document, type Bm25Options, type WeightedTerm } from '../../../../src/retrieval/lexical/bm25.js';

const OPTIONS: Bm25Options = { fieldWeights: { title: 3, body: 0.5 }, b: { title: 0.5, body: 0.75 } };
const VOCABULARY = ['khai', 'sinh', 'ket', 'hon', 'tam', 'tru', 'dat', 'dai', 'ho', 'chieu', 'thue', 'nha', 'giay', 'to', 'phi'];
const NEW_WORDS = ['xay', 'dung', 'ong'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const words = (random: Random, count: number, vocabulary: readonly string[] = VOCABULARY) =>
  Array.from({ length: count }, () => pick(random, vocabulary));

/** A random document; with `fixedLengths`, every document has the same field lengths, so averages never move. */
function buildDoc(random: Random, id: string, fixedLengths: boolean, vocabulary: readonly string[] = VOCABULARY): Bm25Document {
  const titleLength = fixedLengths ? 3 : 1 + Math.floor(random() * 4);
  const bodyLength = fixedLengths ? 8 : Math.floor(random() * 14);
  return { id, fields: { title: words(random, titleLength, vocabulary), body: words(random, bodyLength, vocabulary) } };
}

function buildCorpus(random: Random, size: number, fixedLengths: boolean): Bm25Document[] {
  return Array.from({ length: size }, (_, i) => buildDoc(random, `d${i}`, fixedLengths));
}

/**
 * Applies `count` random edits (revise, add, remove, remove an unknown id) to both the index and a plain list
 * of live documents; returns that list, from which a full rebuild is made.
 */
function applyRandomEdits(random: Random, index: Bm25Index, documents: Bm25Document[], count: number, fixedLengths: boolean): Bm25Document[] {
  const live = new Map(documents.map((doc) => [doc.id, doc]));
  let nextId = documents.length;
  for (let edit = 0; edit < count; edit++) {
    const roll = random();
    if (roll < 0.45 && live.size > 0) {
      // Revisions sometimes bring words no document had before.
      const doc = buildDoc(random, pick(random, [...live.keys()]), fixedLengths, random() < 0.3 ? [...VOCABULARY, ...NEW_WORDS] : VOCABULARY);
      index.upsert(doc);
      live.set(doc.id, doc);
    } else if (roll < 0.7) {
      const doc = buildDoc(random, `n${nextId++}`, fixedLengths);
      index.upsert(doc);
      live.set(doc.id, doc);
    } else if (roll < 0.95 && live.size > 1) {
      const id = pick(random, [...live.keys()]);
      expect(index.remove(id)).toBe(true);
      live.delete(id);
    } else {
      expect(index.remove('never-indexed')).toBe(false);
    }
  }
  return [...live.values()];
}

/** Single words, pairs and weighted triples over the vocabulary, new words and an unknown one. */
function buildQueries(random: Random): WeightedTerm[][] {
  const all = [...VOCABULARY, ...NEW_WORDS, 'weather'];
  const singles = all.map((term) => [{ term, weight: 1 }]);
  const mixed = Array.from({ length: 30 }, () => words(random, 2 + Math.floor(random() * 2), all).map((term) => ({ term, weight: pick(random, [0.3, 1, 1.2]) })));
  return [...singles, ...mixed];
}

function expectSameStatistics(edited: Bm25Index, rebuilt: Bm25Index): void {
  expect(edited.size).toBe(rebuilt.size);
  for (const term of [...VOCABULARY, ...NEW_WORDS, 'weather']) {
    expect(edited.docFrequency(term), term).toBe(rebuilt.docFrequency(term));
    expect(edited.has(term), term).toBe(rebuilt.has(term));
    expect(edited.idf(term), term).toBeCloseTo(rebuilt.idf(term), 12);
  }
}

describe('Bm25Index edits', () => {
  it('ranks exactly as a full rebuild after random edits, when field lengths (hence averages) stay put', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = createRandom(seed);
      const documents = buildCorpus(random, 12 + seed * 3, true);
      const index = new Bm25Index(documents, OPTIONS);
      const live = applyRandomEdits(random, index, documents, 25, true);
      const rebuilt = new Bm25Index(live, OPTIONS);
      expectSameStatistics(index, rebuilt);
      expect(index.lengthDrift()).toBe(0);
      for (const query of buildQueries(random)) {
        const got = index.search(query, 100);
        const want = rebuilt.search(query, 100);
        const label = `seed ${seed}: ${query.map((t) => t.term).join(' ')}`;
        expect(got.map((h) => h.id), label).toEqual(want.map((h) => h.id));
        got.forEach((hit, i) => {
          expect(hit.score, label).toBeCloseTo(want[i]!.score, 9);
          expect(hit.coverage, label).toBeCloseTo(want[i]!.coverage, 9);
        });
      }
    }
  });

  it('stays close to a full rebuild when edits change field lengths (only stored normalisation drifts)', () => {
    for (const seed of [11, 12, 13, 14]) {
      const random = createRandom(seed);
      const documents = buildCorpus(random, 60, false);
      const index = new Bm25Index(documents, OPTIONS);
      const live = applyRandomEdits(random, index, documents, 4, false);
      const rebuilt = new Bm25Index(live, OPTIONS);
      expectSameStatistics(index, rebuilt);
      const drift = index.lengthDrift();
      expect(drift).toBeLessThan(0.2);
      for (const query of buildQueries(random)) {
        const got = index.search(query, 100);
        const want = new Map(rebuilt.search(query, 100).map((hit) => [hit.id, hit.score]));
        const label = `seed ${seed}: ${query.map((t) => t.term).join(' ')}`;
        // The same documents match, each scored within the drift, in an order the rebuild agrees with up to near-ties.
        expect(new Set(got.map((h) => h.id)), label).toEqual(new Set(want.keys()));
        const top = Math.max(0, ...want.values());
        got.forEach((hit, i) => {
          expect(Math.abs(hit.score - want.get(hit.id)!), label).toBeLessThanOrEqual(top * drift + 1e-9);
          const next = got[i + 1];
          if (next) expect(want.get(hit.id)! - want.get(next.id)!, label).toBeGreaterThanOrEqual(-2 * top * drift - 1e-9);
        });
      }
    }
  });

  it('never returns a removed document, and counts only live documents', () => {
    const docs = [
      { id: 'a', fields: { title: ['khai', 'sinh'], body: ['giay', 'chung', 'sinh'] } },
      { id: 'b', fields: { title: ['ket', 'hon'], body: ['khai', 'sinh', 'ban', 'sao'] } },
      { id: 'c', fields: { title: ['tam', 'tru'], body: ['thue', 'nha'] } },
    ];
    const index = new Bm25Index(docs, OPTIONS);
    expect(index.docFrequency('sinh')).toBe(2);
    expect(index.remove('b')).toBe(true);
    expect(index.remove('b')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.tombstones).toBe(1);
    expect(index.docFrequency('sinh')).toBe(1);
    expect(index.has('hon')).toBe(false);
    expect(index.idf('hon')).toBe(0);
    expect(index.search([{ term: 'ket', weight: 1 }, { term: 'hon', weight: 1 }, { term: 'khai', weight: 1 }], 10).map((h) => h.id)).toEqual(['a']);
    expect(index.includes('b')).toBe(false);

    index.upsert({ id: 'c', fields: { title: ['ket', 'hon'], body: ['ong'] } });
    expect(index.size).toBe(2);
    expect(index.has('tam')).toBe(false);
    expect(index.docFrequency('ong')).toBe(1);
    expect(index.search([{ term: 'tam', weight: 1 }], 10)).toEqual([]);
    expect(index.search([{ term: 'hon', weight: 1 }], 10).map((h) => h.id)).toEqual(['c']);
    // An appended document can itself be replaced and removed.
    index.upsert({ id: 'c', fields: { title: ['ho', 'chieu'], body: [] } });
    expect(index.has('ong')).toBe(false);
    expect(index.remove('c')).toBe(true);
    expect(index.size).toBe(1);
    expect(index.search([{ term: 'chieu', weight: 1 }], 10)).toEqual([]);
  });

  it('grows from an empty index', () => {
    const docs = [
      { id: 'x', fields: { title: ['dat', 'dai'], body: ['so', 'do'] } },
      { id: 'y', fields: { title: ['ho', 'chieu'], body: ['ho', 'so'] } },
    ];
    const index = new Bm25Index([], OPTIONS);
    for (const doc of docs) index.upsert(doc);
    const rebuilt = new Bm25Index(docs, OPTIONS);
    expect(index.size).toBe(2);
    for (const term of ['dat', 'so', 'chieu']) expect(index.search([{ term, weight: 1 }], 5)).toEqual(rebuilt.search([{ term, weight: 1 }], 5));
  });

  it('compacts without changing a single score, by hand and once tombstones pile up', () => {
    const random = createRandom(42);
    const documents = buildCorpus(random, 40, false);
    const index = new Bm25Index(documents, OPTIONS);
    const live = applyRandomEdits(random, index, documents, 20, false);
    const queries = buildQueries(random);
    const before = queries.map((query) => index.search(query, 100).map(({ id, score, coverage }) => ({ id, score, coverage })));
    index.compact();
    expect(index.tombstones).toBe(0);
    expect(index.size).toBe(live.length);
    expect(queries.map((query) => index.search(query, 100).map(({ id, score, coverage }) => ({ id, score, coverage })))).toEqual(before);

    const fixed = buildCorpus(createRandom(7), 30, true);
    const busy = new Bm25Index(fixed, OPTIONS);
    const survivors = applyRandomEdits(createRandom(8), busy, fixed, 400, true);
    expect(busy.tombstones).toBeLessThan(64);
    const rebuilt = new Bm25Index(survivors, OPTIONS);
    for (const query of queries) expect(busy.search(query, 100).map((h) => h.id)).toEqual(rebuilt.search(query, 100).map((h) => h.id));
  });
});
