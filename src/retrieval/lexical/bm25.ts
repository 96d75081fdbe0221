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


/** A built BM25F index; immutable (live edits rebuild it from the cached analysed documents, in milliseconds). */
export class Bm25Index {
  private readonly k1: number;
  private readonly weights: Record<string, number>;
  private readonly b: Record<string, number>;
  private ids: string[] = [];
  private fieldLengths: Record<string, Float64Array> = {};
  private avgLength: Record<string, number> = {};
  // Postings in compressed form: term → id; docs/tf of term id t live in [offsets[t], offsets[t + 1]).
  private termIds = new Map<string, number>();
  private offsets = new Int32Array(1);
  private postingDocs = new Int32Array(0);
  private postingTf = new Float32Array(0);

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

  /** Inverse document frequency of a term (0 for an unknown term). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const n = this.size;
    const df = (this.offsets[id + 1] as number) - (this.offsets[id] as number);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when the term occurs in at least one document. */
  has(term: string): boolean {
    return this.termIds.has(term);
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
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const factor = weight * idf * (this.k1 + 1);
      for (let i = this.offsets[id] as number; i < (this.offsets[id + 1] as number); i++) {
        const doc = this.postingDocs[i] as number;
        const tf = this.postingTf[i] as number;
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
    // Two passes: count postings per term, then fill flat typed arrays (millions of small arrays would dominate).
    const termIds = new Map<string, number>();
    const counts: number[] = [];
    const perDoc = documents.map((doc) => this.weighDocument(doc, fields, termIds, counts));
    const offsets = new Int32Array(counts.length + 1);
    for (let t = 0; t < counts.length; t++) offsets[t + 1] = (offsets[t] as number) + (counts[t] as number);
    const cursor = Int32Array.from(offsets.subarray(0, counts.length));
    const docs = new Int32Array(offsets[counts.length] as number);
    const tfs = new Float32Array(docs.length);
    perDoc.forEach((weighted, index) => {
      for (const [id, tf] of weighted) {
        const at = cursor[id] as number;
        docs[at] = index;
        tfs[at] = tf;
        cursor[id] = at + 1;
      }
    });
    this.termIds = termIds;
    this.offsets = offsets;
    this.postingDocs = docs;
    this.postingTf = tfs;
  }

  private weighDocument(doc: Bm25Document, fields: string[], termIds: Map<string, number>, counts: number[]): Map<number, number> {
    const weighted = new Map<number, number>();
    for (const field of fields) {
      const terms = doc.fields[field];
      if (!terms || terms.length === 0) continue;
      const b = this.b[field] as number;
      const unit = (this.weights[field] as number) / (1 - b + (b * terms.length) / (this.avgLength[field] as number));
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          counts.push(0);
        }
        const before = weighted.get(id);
        if (before === undefined) counts[id] = (counts[id] as number) + 1;
        weighted.set(id, (before ?? 0) + unit);
      }
    }
    return weighted;
  }
}
