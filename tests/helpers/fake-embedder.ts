import { normalizeVector, type Embedder } from '../../src/retrieval/embed/embedder.js';

export interface FakeEmbedderOptions {
  id?: string;
  dimension?: number;
}

/** A deterministic embedder for tests that also counts what it was asked to embed. */
export interface FakeEmbedder extends Embedder {
  /** Passages embedded so far (queries are not counted). */
  readonly embeddedPassages: number;
  /** Every passage text, in order, so tests can see which chunks were re-embedded. */
  readonly passageTexts: readonly string[];
  resetCounts(): void;
}

/** Hashes character trigrams into signed buckets and normalises: similar strings get similar vectors. */
export function embedTrigrams(text: string, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  const padded = `  ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    let hash = 2166136261;
    for (let j = i; j < i + 3; j++) hash = Math.imul(hash ^ padded.charCodeAt(j), 16777619) >>> 0;
    // The sign bit spreads collisions so two unrelated trigrams in one bucket tend to cancel, not add.
    const bucket = hash % dimension;
    vector[bucket] = (vector[bucket] ?? 0) + ((hash >>> 31) === 1 ? -1 : 1);
  }
  return normalizeVector(vector);
}

/** Builds a fake embedder (32 dimensions by default). */
export function buildFakeEmbedder({ id = 'fake-trigram-v1', dimension = 32 }: FakeEmbedderOptions = {}): FakeEmbedder {
  const texts: string[] = [];
  return {
    id,
    dimension,
    get embeddedPassages() {
      return texts.length;
    },
    get passageTexts() {
      return texts;
    },
    resetCounts() {
      texts.length = 0;
    },
    async embedQueries(queries) {
      return queries.map((text) => embedTrigrams(text, dimension));
    },
    async embedPassages(passages) {
      texts.push(...passages);
      return passages.map((text) => embedTrigrams(text, dimension));
    },
  };
}
