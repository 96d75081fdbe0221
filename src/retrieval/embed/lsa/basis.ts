import { createHash } from 'node:crypto';
import { normalizeVector } from '../embedder.js';

/**
 * A frozen LSA basis: the vocabulary, its idf and the term→concept matrix. Trained once at a full build
 * and kept, so that a new or edited entry is projected onto the same basis and every instance agrees.
 */
export interface LsaBasis {
  dimension: number;
  terms: string[];
  idf: Float32Array;
  /** terms × dimension, row-major. */
  components: Float32Array;
  /** Content hash of vocabulary and components: part of the embedder id. */
  hash: string;
}

/** Hashes a basis's vocabulary and matrix. */
export function hashBasis(terms: string[], components: Float32Array): string {
  const hash = createHash('sha256');
  hash.update(terms.join('\n'));
  hash.update(new Uint8Array(components.buffer, components.byteOffset, components.byteLength));
  return hash.digest('hex').slice(0, 16);
}

/** Index of each vocabulary term, built once per basis. */
export function indexTerms(basis: LsaBasis): Map<string, number> {
  return new Map(basis.terms.map((term, index) => [term, index]));
}

/** Sublinear tf-idf weights of the known terms of a text, as (term index, weight) pairs. */
export function weighTerms(terms: string[], termIndex: Map<string, number>, idf: Float32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const index = termIndex.get(term);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const weights = new Map<number, number>();
  let norm = 0;
  for (const [index, count] of counts) {
    const weight = (1 + Math.log(count)) * (idf[index] as number);
    weights.set(index, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [index, weight] of weights) weights.set(index, weight / norm);
  return weights;
}

/** Projects a text's terms onto the basis: a unit vector (zero when no term is known). */
export function projectTerms(basis: LsaBasis, termIndex: Map<string, number>, terms: string[]): Float32Array {
  const { dimension, components } = basis;
  const vector = new Float32Array(dimension);
  for (const [index, weight] of weighTerms(terms, termIndex, basis.idf)) {
    const base = index * dimension;
    for (let j = 0; j < dimension; j++) vector[j] = (vector[j] as number) + weight * (components[base + j] as number);
  }
  return normalizeVector(vector);
}
