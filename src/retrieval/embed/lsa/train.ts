import { hashBasis, type LsaBasis } from './basis.js';
import { createRandom, fillGaussian, orthonormalizeColumns, symmetricEigen } from './linalg.js';
import { multiplyCsr, multiplyCsrTransposed, type CsrMatrix } from './sparse.js';

export interface TrainLsaOptions {
  dimension?: number;
  /** Terms in fewer documents carry no shared meaning. */
  minDf?: number;
  /** Terms in more than this share of documents carry none either. */
  maxDfRatio?: number;
  maxTerms?: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
}

/** Trains an LSA basis (tf-idf, randomized truncated SVD after Halko et al. 2011) on analysed documents. */
export function trainLsaBasis(
  documents: string[][],
  { dimension = 128, minDf = 2, maxDfRatio = 0.5, maxTerms = 60_000, oversample = 16, powerIterations = 1, seed = 57 }: TrainLsaOptions = {},
): LsaBasis {
  const n = documents.length;
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.entries()]
    .filter(([, count]) => count >= minDf && count <= Math.max(minDf, maxDfRatio * n))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms)
    .map(([term]) => term)
    .sort();
  const termIndex = new Map(terms.map((term, i) => [term, i]));
  const idf = Float32Array.from(terms, (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1);
  const matrix = buildTfIdf(documents, termIndex, idf);
  const k = Math.max(1, Math.min(dimension, n - 1, terms.length - 1));
  const l = Math.min(k + oversample, n, terms.length);

  const random = createRandom(seed);
  const omega = fillGaussian(new Float64Array(terms.length * l), random);
  let y = multiplyCsr(matrix, omega, l);
  orthonormalizeColumns(y, n, l);
  for (let i = 0; i < powerIterations; i++) {
    const z = multiplyCsrTransposed(matrix, y, l);
    orthonormalizeColumns(z, terms.length, l);
    y = multiplyCsr(matrix, z, l);
    orthonormalizeColumns(y, n, l);
  }
  // Bt = Aᵀ Q (terms × l); B Bᵀ = Btᵀ Bt (l × l); its eigenvectors give the right singular vectors.
  const bt = multiplyCsrTransposed(matrix, y, l);
  const gram = new Float64Array(l * l);
  for (let t = 0; t < terms.length; t++) {
    const base = t * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[base + i] as number;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j] = (gram[i * l + j] as number) + bi * (bt[base + j] as number);
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i] as number;
  const { values, vectors } = symmetricEigen(gram, l);
  const components = new Float32Array(terms.length * k);
  for (let c = 0; c < k; c++) {
    const sigma = Math.sqrt(Math.max(values[c] as number, 1e-12));
    for (let t = 0; t < terms.length; t++) {
      let sum = 0;
      const base = t * l;
      for (let i = 0; i < l; i++) sum += (bt[base + i] as number) * (vectors[i * l + c] as number);
      components[t * k + c] = sum / sigma;
    }
  }
  return { dimension: k, terms, idf, components, hash: hashBasis(terms, components) };
}

function buildTfIdf(documents: string[][], termIndex: Map<string, number>, idf: Float32Array): CsrMatrix {
  const rowPtr = new Int32Array(documents.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  documents.forEach((doc, r) => {
    const counts = new Map<number, number>();
    for (const term of doc) {
      const index = termIndex.get(term);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const entries = [...counts.entries()].sort((a, b) => a[0] - b[0]);
    const weights = entries.map(([index, count]) => (1 + Math.log(count)) * (idf[index] as number));
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
    entries.forEach(([index], i) => {
      cols.push(index);
      values.push((weights[i] as number) / norm);
    });
    rowPtr[r + 1] = cols.length;
  });
  return { rows: documents.length, cols: termIndex.size, rowPtr, colIdx: Int32Array.from(cols), values: Float32Array.from(values) };
}
