import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../src/retrieval/lexical/bm25.js';

const docs = [
  { id: 'a', fields: { title: ['khai', 'sinh'], body: ['giay', 'chung', 'sinh'] } },
  { id: 'b', fields: { title: ['ket', 'hon'], body: ['khai', 'sinh', 'ban', 'sao'] } },
  { id: 'c', fields: { title: ['tam', 'tru'], body: ['thue', 'nha', 'thue', 'tro'] } },
];
const terms = (...words: string[]) => words.map((term) => ({ term, weight: 1 }));

describe('Bm25Index', () => {
  const index = new Bm25Index(docs, { fieldWeights: { title: 3, body: 0.5 } });

  it('ranks a title match above a body match', () => {
    expect(index.search(terms('khai', 'sinh'), 10).map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('weights query terms', () => {
    const light = index.search([{ term: 'thue', weight: 0.1 }], 1)[0]!.score;
    const heavy = index.search([{ term: 'thue', weight: 1 }], 1)[0]!.score;
    expect(heavy).toBeCloseTo(light * 10, 6);
  });

  it('gives rare terms more idf than common ones, and 0 to unknown ones', () => {
    expect(index.idf('tam')).toBeGreaterThan(index.idf('sinh'));
    expect(index.idf('weather')).toBe(0);
    expect(index.has('weather')).toBe(false);
  });

  it('reports the matched share of the query', () => {
    const [hit] = index.search(terms('tam', 'tru', 'weather'), 1);
    expect(hit!.id).toBe('c');
    expect(hit!.coverage).toBeGreaterThan(0.5);
    expect(hit!.coverage).toBeLessThan(1);
  });

  it('returns nothing for a query of unknown words, and respects the limit', () => {
    expect(index.search(terms('bong', 'da'), 10)).toEqual([]);
    expect(index.search(terms('khai', 'sinh', 'tam'), 1)).toHaveLength(1);
  });

  it('ignores fields without a weight', () => {
    const titleOnly = new Bm25Index(docs, { fieldWeights: { title: 1 } });
    expect(titleOnly.search(terms('thue'), 10)).toEqual([]);
  });
});
