/**
 * In-memory BM25F: per-field length normalisation and weights, one saturation per term.
 * Chosen over SQLite FTS5 because FTS5's bm25() cannot weight synonym-expanded or exact-diacritic
 * terms per query term, and because the whole index (~2,700 entries) fits in a few MB (see docs/retrieval.md).
 */

/** One document to index: its id and, per field, the terms it holds. */
export interface Bm25Document {
  id: string;
  fields: Record<string, string[]>;
}

export interface Bm25Options {
  /** Weight of each field; fields not listed are ignored. */
  fieldWeights: Record<string, number>;
  k1?: number;
  /** Length normalisation per field (0 = none, 1 = full). */
  b?: Record<string, number>;
}

/** A query term with its weight (synonyms and exact-diacritic terms weigh less or more than plain ones). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A scored document, with the share of the query's weighted idf it matched. */
export interface Bm25Hit {
  index: number;
  id: string;
  score: number;
  /** Σ weight·idf of the query terms this document holds, over Σ weight·idf of all query terms (0–1). */
  coverage: number;
}

interface Posting {
  docs: Int32Array;
  tf: Float32Array;
}

/** A built BM25F index; immutable (live edits rebuild it from the cached analysed documents, in milliseconds). */
export class Bm25Index {
  private readonly k1: number;
  private readonly weights: Record<string, number>;
  private readonly b: Record<string, number>;
  private ids: string[] = [];
  private fieldLengths: Record<string, Float64Array> = {};
  private avgLength: Record<string, number> = {};
  private postings = new Map<string, Posting>();

  constructor(documents: Bm25Document[], { fieldWeights, k1 = 1.2, b = {} }: Bm25Options) {
    this.k1 = k1;
    this.weights = fieldWeights;
    this.b = Object.fromEntries(Object.keys(fieldWeights).map((f) => [f, b[f] ?? 0.75]));
    this.build(documents);
  }

  /** Number of documents. */
  get size(): number {
    return this.ids.length;
  }

  /** The document id at an index position. */
  idAt(index: number): string | undefined {
    return this.ids[index];
  }

  /** Inverse document frequency of a term (0 for an unknown term). */
  idf(term: string): number {
    const posting = this.postings.get(term);
    if (!posting) return 0;
    const n = this.size;
    const df = posting.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when the term occurs in at least one document. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Scores documents for weighted query terms; returns the top `limit` hits, best first. */
  search(terms: WeightedTerm[], limit: number): Bm25Hit[] {
    const merged = new Map<string, number>();
    for (const { term, weight } of terms) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
    const scores = new Map<number, number>();
    const matched = new Map<number, number>();
    let totalMass = 0;
    for (const [term, weight] of merged) {
      const idf = this.idf(term);
      totalMass += weight * Math.max(idf, 1);
      const posting = this.postings.get(term);
      if (!posting) continue;
      const factor = weight * idf * (this.k1 + 1);
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i] as number;
        const tf = posting.tf[i] as number;
        scores.set(doc, (scores.get(doc) ?? 0) + (factor * tf) / (this.k1 + tf));
        matched.set(doc, (matched.get(doc) ?? 0) + weight * Math.max(idf, 1));
      }
    }
    const hits: Bm25Hit[] = [];
    for (const [index, score] of scores) {
      hits.push({ index, id: this.ids[index] as string, score, coverage: totalMass > 0 ? (matched.get(index) ?? 0) / totalMass : 0 });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }

  private build(documents: Bm25Document[]): void {
    this.ids = documents.map((d) => d.id);
    const fields = Object.keys(this.weights);
    this.fieldLengths = Object.fromEntries(fields.map((f) => [f, new Float64Array(documents.length)]));
    for (const field of fields) {
      const lengths = this.fieldLengths[field] as Float64Array;
      documents.forEach((doc, i) => (lengths[i] = doc.fields[field]?.length ?? 0));
      const total = lengths.reduce((sum, value) => sum + value, 0);
      this.avgLength[field] = documents.length > 0 ? Math.max(total / documents.length, 1) : 1;
    }
    const pending = new Map<string, { docs: number[]; tf: number[] }>();
    documents.forEach((doc, index) => {
      const weighted = new Map<string, number>();
      for (const field of fields) {
        const terms = doc.fields[field];
        if (!terms || terms.length === 0) continue;
        const weight = this.weights[field] as number;
        const b = this.b[field] as number;
        const norm = 1 - b + (b * terms.length) / (this.avgLength[field] as number);
        const counts = new Map<string, number>();
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, count] of counts) weighted.set(term, (weighted.get(term) ?? 0) + (weight * count) / norm);
      }
      for (const [term, tf] of weighted) {
        let list = pending.get(term);
        if (!list) pending.set(term, (list = { docs: [], tf: [] }));
        list.docs.push(index);
        list.tf.push(tf);
      }
    });
    this.postings = new Map();
    for (const [term, list] of pending) this.postings.set(term, { docs: Int32Array.from(list.docs), tf: Float32Array.from(list.tf) });
  }
}
