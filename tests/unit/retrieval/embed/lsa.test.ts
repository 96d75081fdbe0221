import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLsaEmbedder, loadLsaBasis, saveLsaBasis, trainLsaBasis } from '../../../../src/retrieval/embed/lsa/index.js';
import { orthonormalizeColumns, symmetricEigen } from '../../../../src/retrieval/embed/lsa/linalg.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
const words = (text: string) => text.split(' ');

// Two topics that share no words, and paraphrases within each topic that share only some.
const corpus = [
  'khai sinh tre em giay chung sinh cha me',
  'khai sinh cho con giay chung sinh',
  'dang ky khai sinh tre em cha me',
  'ket hon vo chong tinh trang hon nhan',
  'dang ky ket hon vo chong',
  'xac nhan tinh trang hon nhan doc than vo chong',
  'dat dai so do giay chung nhan quyen su dung dat',
  'quyen su dung dat so do thua dat',
  'tranh chap dat dai hoa giai thua dat',
].map(words);

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix into descending eigenpairs', () => {
    const m = Float64Array.from([4, 1, 0, 1, 3, 0, 0, 0, 1]);
    const { values, vectors } = symmetricEigen(m, 3);
    expect([...values].map((v) => Number(v.toFixed(6)))).toEqual([4.618034, 2.381966, 1]);
    for (let c = 0; c < 3; c++) {
      for (let r = 0; r < 3; r++) {
        let mv = 0;
        for (let k = 0; k < 3; k++) mv += (m[r * 3 + k] as number) * (vectors[k * 3 + c] as number);
        expect(mv).toBeCloseTo((values[c] as number) * (vectors[r * 3 + c] as number), 9);
      }
    }
  });
});

describe('orthonormalizeColumns', () => {
  it('leaves orthonormal columns', () => {
    const m = Float64Array.from([1, 1, 0, 1, 0, 1, 0, 1, 1]);
    orthonormalizeColumns(m, 3, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let dot = 0;
        for (let r = 0; r < 3; r++) dot += (m[r * 3 + i] as number) * (m[r * 3 + j] as number);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });
});

describe('trainLsaBasis and the LSA embedder', () => {
  const basis = trainLsaBasis(corpus, { dimension: 3, minDf: 1, maxDfRatio: 1 });
  const embedder = createLsaEmbedder(basis, words);

  it('places paraphrases of one topic closer than other topics', async () => {
    const [birth, marriage, land] = await embedder.embedPassages(['khai sinh cho tre', 'ket hon vo chong', 'so do dat']);
    const [query] = await embedder.embedQueries(['giay chung sinh cha me']);
    expect(cosine(query!, birth!)).toBeGreaterThan(cosine(query!, marriage!));
    expect(cosine(query!, birth!)).toBeGreaterThan(cosine(query!, land!));
  });

  it('returns unit vectors of the basis dimension, and zero for unknown words', async () => {
    const [known, unknown] = await embedder.embedQueries(['ket hon', 'thoi tiet hom nay']);
    expect(known).toHaveLength(3);
    expect(cosine(known!, known!)).toBeCloseTo(1, 5);
    expect([...unknown!].every((x) => x === 0)).toBe(true);
  });

  it('is reproducible: the same corpus gives the same basis hash', () => {
    expect(trainLsaBasis(corpus, { dimension: 3, minDf: 1, maxDfRatio: 1 }).hash).toBe(basis.hash);
    expect(embedder.id).toBe(`lsa:${basis.hash}`);
  });

  it('drops terms below minDf from the vocabulary', () => {
    expect(trainLsaBasis(corpus, { dimension: 3, minDf: 2, maxDfRatio: 1 }).terms).not.toContain('doc');
  });

  it('round-trips through disk and detects a corrupt file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lsa-'));
    expect(await loadLsaBasis(dir)).toBeUndefined();
    await saveLsaBasis(dir, basis);
    const loaded = await loadLsaBasis(dir);
    expect(loaded?.hash).toBe(basis.hash);
    expect(Array.from(loaded!.components)).toEqual(Array.from(basis.components));
    await writeFile(path.join(dir, 'lsa-basis.bin'), Buffer.alloc(12));
    await expect(loadLsaBasis(dir)).rejects.toThrow(/disagree/);
  });
});
