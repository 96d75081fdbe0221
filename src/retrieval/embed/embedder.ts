/**
 * Turns text into unit-length vectors. Queries and passages are embedded separately because
 * e5-style models expect different prefixes ("query: " / "passage: ").
 */
export interface Embedder {
  /** Identifies the model and its basis: vectors from embedders with different ids are not comparable. */
  readonly id: string;
  readonly dimension: number;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function normalizeVector(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] ?? 0) ** 2;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}
