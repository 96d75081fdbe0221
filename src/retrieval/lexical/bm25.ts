/**
 * In-memory BM25F: per-field length normalisation and weights, one saturation per term.
 * Chosen over SQLite FTS5 because FTS5's bm25() cannot weight synonym-expanded or exact-diacritic
 * terms per query term, and because the whole index (~2,700 entries) fits in a few MB (see docs/retrieval.md).
 *
 * Why this file is over ~300 lines: it is one data structure. The postings are flat typed arrays (term offsets,
 * document slots, tfs, per-field lengths, tombstones) that build, search, upsert, remove and compact all index
 * directly; split across files, those arrays would have to be exposed or copied, and the hot search loop would no
 * longer sit beside the layout it walks.
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
  /** Internal slot of the document; changes when the document is replaced or the index compacted. */
  index: number;
  id: string;
  score: number;
  /** Σ weight·idf of the query terms this document holds, over Σ weight·idf of all query terms (0–1). */
  coverage: number;
}

/** Postings appended since the last pack, for one term: parallel arrays, ascending slots. */
interface SidePostings {
  docs: number[];
  tfs: number[];
}

/**
 * A fully packed index as plain arrays (no tombstones, no side postings): what the start-up snapshot stores
 * (lexical/snapshot.ts), so a start with unchanged documents restores the index instead of re-weighing it.
 */
export interface PackedBm25 {
  /** Slot → document id. */
  ids: string[];
  /** Term id → term. */
  terms: string[];
  df: Int32Array<ArrayBuffer>;
  offsets: Int32Array<ArrayBuffer>;
  postingDocs: Int32Array<ArrayBuffer>;
  postingTf: Float32Array<ArrayBuffer>;
  /** Per field, the length of each slot's field. */
  fieldLengths: Record<string, Float64Array>;
}

const LONG_QUERY_TERMS = 250;
const COMMON_SHARE = 0.25;

// Re-pack once this share of slots is dead (and at least this many), so tombstones never dominate a scan.
const COMPACT_SHARE = 0.1;
const COMPACT_MIN = 64;

/**
 * A BM25F index whose bulk lives in packed (CSR) typed arrays, editable one document at a time, Lucene-style:
 * `remove` tombstones the document's slot (searches skip it, its terms' df drop), `upsert` tombstones the old
 * version and appends the new one with its postings in a small side map. df, idf, size and the average field
 * lengths always describe the live documents only, so idf is exactly what a full build would give.
 *
 * One approximation: each document's length normalisation is baked into its stored tf with the average length
 * of the moment it was weighed. Documents already indexed keep the build-time average until the next full build
 * (a restart, or Retriever.replaceEntries): with one entry edited in ~2,700 the drift is negligible (after one
 * edit the 347 evaluation questions rank identically; after twelve, 3 swap near-tied results within their top 5:
 * bench/reindex.bench.ts). `lengthDrift()` tells how far it has gone. `compact()` (run automatically when
 * tombstones pile up) re-packs the postings and drops tombstones but cannot renormalise: tfs are stored merged.
 */
export class Bm25Index {
  private readonly k1: number;
  private readonly weights: Record<string, number>;
  private readonly fields: string[];
  private readonly b: Record<string, number>;
  /** Slot → document id; a dead slot keeps its id until the next pack. */
  private ids: string[] = [];
  /** Live document id → slot. */
  private slots = new Map<string, number>();
  /** 1 for a tombstoned slot. */
  private dead = new Uint8Array(0);
  private deadCount = 0;
  private fieldLengths: Record<string, Float64Array> = {};
  private lengthTotals: Record<string, number> = {};
  private avgLength: Record<string, number> = {};
  /** The averages the packed documents were weighed with (at the full build). */
  private builtAvgLength: Record<string, number> = {};
  // Packed postings: term → id; docs/tf of term id t live in [offsets[t], offsets[t + 1]), slots ascending.
  private termIds = new Map<string, number>();
  private df = new Int32Array(0);
  private offsets = new Int32Array(1);
  private postingDocs = new Int32Array(0);
  private postingTf = new Float32Array(0);
  /** Slots below this are in the packed arrays; at or above it, in `side`. */
  private packedSlots = 0;
  private side = new Map<number, SidePostings>();
  /** Term ids of each appended slot, to undo its df and side postings on removal. */
  private sideTerms = new Map<number, number[]>();

  /** Builds the index over `documents`, or restores it from `packed` (then `documents` is not read). */
  constructor(documents: Bm25Document[], { fieldWeights, k1 = 1.2, b = {} }: Bm25Options, packed?: PackedBm25) {
    this.k1 = k1;
    this.weights = fieldWeights;
    this.fields = Object.keys(fieldWeights);
    this.b = Object.fromEntries(this.fields.map((f) => [f, b[f] ?? 0.75]));
    if (packed) this.restore(packed);
    else this.build(documents);
  }

  /** The index as plain arrays, packed first if edits left tombstones or side postings. */
  pack(): PackedBm25 {
    if (this.deadCount > 0 || this.side.size > 0 || this.packedSlots !== this.ids.length) this.compact();
    return {
      ids: [...this.ids],
      terms: [...this.termIds.keys()],
      df: this.df.subarray(0, this.termIds.size),
      offsets: this.offsets,
      postingDocs: this.postingDocs,
      postingTf: this.postingTf,
      fieldLengths: Object.fromEntries(this.fields.map((f) => [f, (this.fieldLengths[f] as Float64Array).subarray(0, this.ids.length)])),
    };
  }

  /** Number of live documents. */
  get size(): number {
    return this.ids.length - this.deadCount;
  }

  /** Tombstoned slots waiting for the next pack. */
  get tombstones(): number {
    return this.deadCount;
  }

  /**
   * Largest relative gap, over fields, between the current average field length and the one the bulk of the
   * documents was weighed with: how far scores may have drifted from a full build (0 right after one).
   */
  lengthDrift(): number {
    return Math.max(0, ...this.fields.map((f) => Math.abs((this.avgLength[f] as number) / (this.builtAvgLength[f] as number) - 1)));
  }

  /** Number of live documents holding the term. */
  docFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.df[id] as number);
  }

  /** Inverse document frequency of a term (0 for a term no live document holds). */
  idf(term: string): number {
    const df = this.docFrequency(term);
    if (df === 0) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** True when the term occurs in at least one live document. */
  has(term: string): boolean {
    return this.docFrequency(term) > 0;
  }

  /** True when a live document has this id. */
  includes(id: string): boolean {
    return this.slots.has(id);
  }

  /** Scores documents for weighted query terms; returns the top `limit` hits, best first. */
  search(terms: WeightedTerm[], limit: number): Bm25Hit[] {
    const merged = new Map<string, number>();
    for (const { term, weight } of terms) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
    // Flat arrays over the slots, not maps: a long question has hundreds of terms over thousands of postings.
    const slots = this.ids.length;
    const scores = new Float64Array(slots);
    const matched = new Float64Array(slots);
    const touched: number[] = [];
    const dead = this.dead;
    let totalMass = 0;
    const add = (doc: number, tf: number, factor: number, mass: number) => {
      if (matched[doc] === 0) touched.push(doc);
      scores[doc] = (scores[doc] as number) + (factor * tf) / (this.k1 + tf);
      matched[doc] = (matched[doc] as number) + mass;
    };
    // A long question's most common words (in more than a quarter of the entries) weigh almost nothing but cost the
    // longest scans: past a few hundred terms they count towards coverage and are not scanned.
    const skipCommon = merged.size > LONG_QUERY_TERMS;
    const common = this.size * COMMON_SHARE;
    for (const [term, weight] of merged) {
      if (weight <= 0) continue;
      const idf = this.idf(term);
      const mass = weight * Math.max(idf, 1);
      totalMass += mass;
      const id = this.termIds.get(term);
      if (id === undefined || idf === 0 || (skipCommon && (this.df[id] as number) > common)) continue;
      const factor = weight * idf * (this.k1 + 1);
      const [start, end] = this.packedRange(id);
      for (let i = start; i < end; i++) {
        const doc = this.postingDocs[i] as number;
        if (dead[doc] === 0) add(doc, this.postingTf[i] as number, factor, mass);
      }
      const side = this.side.get(id);
      if (side) side.docs.forEach((doc, i) => add(doc, side.tfs[i] as number, factor, mass));
    }
    // Only the documents that can reach the top `limit` become hits: a long question touches most of the index.
    let floor = -Infinity;
    if (touched.length > limit && limit > 0) {
      const touchedScores = Float64Array.from(touched, (index) => scores[index] as number).sort();
      floor = touchedScores[touchedScores.length - limit] as number;
    }
    const hits: Bm25Hit[] = [];
    for (const index of touched) {
      const score = scores[index] as number;
      if (score < floor) continue;
      hits.push({ index, id: this.ids[index] as string, score, coverage: totalMass > 0 ? (matched[index] as number) / totalMass : 0 });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }

  /** Adds a document, or replaces the live one with the same id (tombstoned, its df subtracted). */
  upsert(doc: Bm25Document): void {
    this.remove(doc.id);
    const slot = this.ids.length;
    this.ensureSlots(slot + 1);
    this.ids.push(doc.id);
    this.slots.set(doc.id, slot);
    for (const field of this.fields) {
      const length = doc.fields[field]?.length ?? 0;
      (this.fieldLengths[field] as Float64Array)[slot] = length;
      this.lengthTotals[field] = (this.lengthTotals[field] as number) + length;
    }
    // Weighed with the average as it is now, itself included, as a full build would weigh it.
    this.updateAverages();
    const termIds: number[] = [];
    for (const [id, tf] of this.weighDocument(doc, (term) => this.termIdFor(term))) {
      let side = this.side.get(id);
      if (!side) this.side.set(id, (side = { docs: [], tfs: [] }));
      side.docs.push(slot);
      // Rounded as the packed Float32Array rounds, so equal documents tie exactly wherever they are stored.
      side.tfs.push(Math.fround(tf));
      this.df[id] = (this.df[id] as number) + 1;
      termIds.push(id);
    }
    this.sideTerms.set(slot, termIds);
  }

  /** Removes the live document with this id; false when there is none. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.slots.delete(id);
    this.dead[slot] = 1;
    this.deadCount++;
    for (const field of this.fields) {
      this.lengthTotals[field] = (this.lengthTotals[field] as number) - ((this.fieldLengths[field] as Float64Array)[slot] as number);
    }
    this.updateAverages();
    if (slot >= this.packedSlots) this.removeAppended(slot);
    else this.removePacked(slot);
    if (this.deadCount >= Math.max(COMPACT_MIN, this.ids.length * COMPACT_SHARE)) this.compact();
    return true;
  }

  /**
   * Re-packs live documents and side postings into the typed arrays and drops tombstones and vanished terms.
   * Stored tfs are kept as they are: only a full build renormalises lengths against the current average.
   */
  compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    this.ids.forEach((id, slot) => {
      if (this.dead[slot] === 1) return;
      renumber[slot] = ids.length;
      ids.push(id);
    });
    const termIds = new Map<string, number>();
    const df: number[] = [];
    const offsets: number[] = [0];
    const docs = new Int32Array(this.df.reduce((sum, value) => sum + value, 0));
    const tfs = new Float32Array(docs.length);
    let at = 0;
    for (const [term, id] of this.termIds) {
      if ((this.df[id] as number) === 0) continue;
      // Packed slots precede appended ones and both renumber monotonically, so postings stay ascending.
      const [start, end] = this.packedRange(id);
      for (let i = start; i < end; i++) {
        const slot = this.postingDocs[i] as number;
        if (this.dead[slot] === 1) continue;
        docs[at] = renumber[slot] as number;
        tfs[at++] = this.postingTf[i] as number;
      }
      const side = this.side.get(id);
      side?.docs.forEach((slot, i) => {
        docs[at] = renumber[slot] as number;
        tfs[at++] = side.tfs[i] as number;
      });
      termIds.set(term, df.length);
      df.push(this.df[id] as number);
      offsets.push(at);
    }
    for (const field of this.fields) {
      const old = this.fieldLengths[field] as Float64Array;
      const lengths = new Float64Array(ids.length);
      renumber.forEach((to, from) => to >= 0 && (lengths[to] = old[from] as number));
      this.fieldLengths[field] = lengths;
    }
    this.ids = ids;
    this.slots = new Map(ids.map((id, slot) => [id, slot]));
    this.dead = new Uint8Array(ids.length);
    this.deadCount = 0;
    this.termIds = termIds;
    this.df = Int32Array.from(df);
    this.offsets = Int32Array.from(offsets);
    this.postingDocs = docs;
    this.postingTf = tfs;
    this.packedSlots = ids.length;
    this.side = new Map();
    this.sideTerms = new Map();
  }

  private build(documents: Bm25Document[]): void {
    this.ids = documents.map((d) => d.id);
    this.slots = new Map(this.ids.map((id, slot) => [id, slot]));
    if (this.slots.size !== this.ids.length) throw new Error('Duplicate document id in BM25 input');
    this.dead = new Uint8Array(documents.length);
    this.fieldLengths = Object.fromEntries(this.fields.map((f) => [f, new Float64Array(documents.length)]));
    for (const field of this.fields) {
      const lengths = this.fieldLengths[field] as Float64Array;
      documents.forEach((doc, i) => (lengths[i] = doc.fields[field]?.length ?? 0));
      this.lengthTotals[field] = lengths.reduce((sum, value) => sum + value, 0);
    }
    this.updateAverages();
    this.builtAvgLength = { ...this.avgLength };
    // Two passes: count postings per term, then fill flat typed arrays (millions of small arrays would dominate).
    const termIds = new Map<string, number>();
    const counts: number[] = [];
    const intern = (term: string) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        counts.push(0);
      }
      return id;
    };
    const perDoc = documents.map((doc) => {
      const weighted = this.weighDocument(doc, intern);
      for (const id of weighted.keys()) counts[id] = (counts[id] as number) + 1;
      return weighted;
    });
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
    this.df = Int32Array.from(counts);
    this.offsets = offsets;
    this.postingDocs = docs;
    this.postingTf = tfs;
    this.packedSlots = documents.length;
  }

  /** Takes over packed arrays as a full build would have left them (its averages are the built ones). */
  private restore(packed: PackedBm25): void {
    const slots = packed.ids.length;
    const terms = packed.terms.length;
    const consistent =
      packed.df.length === terms &&
      packed.offsets.length === terms + 1 &&
      packed.offsets[terms] === packed.postingDocs.length &&
      packed.postingTf.length === packed.postingDocs.length &&
      this.fields.every((f) => packed.fieldLengths[f]?.length === slots);
    if (!consistent) throw new Error('Inconsistent packed BM25 index');
    this.ids = packed.ids;
    this.slots = new Map(this.ids.map((id, slot) => [id, slot]));
    if (this.slots.size !== slots) throw new Error('Duplicate document id in BM25 input');
    this.dead = new Uint8Array(slots);
    this.fieldLengths = Object.fromEntries(this.fields.map((f) => [f, packed.fieldLengths[f] as Float64Array]));
    for (const field of this.fields) this.lengthTotals[field] = (this.fieldLengths[field] as Float64Array).reduce((sum, value) => sum + value, 0);
    this.updateAverages();
    this.builtAvgLength = { ...this.avgLength };
    this.termIds = new Map(packed.terms.map((term, id) => [term, id]));
    if (this.termIds.size !== terms) throw new Error('Duplicate term in packed BM25 index');
    this.df = packed.df;
    this.offsets = packed.offsets;
    this.postingDocs = packed.postingDocs;
    this.postingTf = packed.postingTf;
    this.packedSlots = slots;
  }

  /** The document's weighted tf per term id: Σ over fields of weight / length normalisation. */
  private weighDocument(doc: Bm25Document, intern: (term: string) => number): Map<number, number> {
    const weighted = new Map<number, number>();
    for (const field of this.fields) {
      const terms = doc.fields[field];
      if (!terms || terms.length === 0) continue;
      const b = this.b[field] as number;
      const unit = (this.weights[field] as number) / (1 - b + (b * terms.length) / (this.avgLength[field] as number));
      for (const term of terms) {
        const id = intern(term);
        weighted.set(id, (weighted.get(id) ?? 0) + unit);
      }
    }
    return weighted;
  }

  /** Where a term's packed postings lie; empty for a term first seen after the last pack (side postings only). */
  private packedRange(id: number): [number, number] {
    return id < this.offsets.length - 1 ? [this.offsets[id] as number, this.offsets[id + 1] as number] : [0, 0];
  }

  private termIdFor(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
      if (id >= this.df.length) this.df = grow(this.df, id + 1);
    }
    return id;
  }

  private updateAverages(): void {
    const live = this.size;
    for (const field of this.fields) {
      this.avgLength[field] = live > 0 ? Math.max((this.lengthTotals[field] as number) / live, 1) : 1;
    }
  }

  private ensureSlots(count: number): void {
    if (count <= this.dead.length) return;
    this.dead = grow(this.dead, count);
    for (const field of this.fields) this.fieldLengths[field] = grow(this.fieldLengths[field] as Float64Array, count);
  }

  /** Subtracts a packed document's df: its terms are found by scanning the postings for its slot (a few ms). */
  private removePacked(slot: number): void {
    const docs = this.postingDocs;
    let term = 0;
    for (let i = 0; i < docs.length; i++) {
      if (docs[i] !== slot) continue;
      while ((this.offsets[term + 1] as number) <= i) term++;
      this.df[term] = (this.df[term] as number) - 1;
    }
  }

  /** Drops an appended document's side postings and df. */
  private removeAppended(slot: number): void {
    for (const id of this.sideTerms.get(slot) ?? []) {
      this.df[id] = (this.df[id] as number) - 1;
      const side = this.side.get(id);
      const at = side?.docs.indexOf(slot) ?? -1;
      if (!side || at < 0) continue;
      side.docs.splice(at, 1);
      side.tfs.splice(at, 1);
      if (side.docs.length === 0) this.side.delete(id);
    }
    this.sideTerms.delete(slot);
  }
}

/** A typed array of at least `min` elements (doubling), the old values copied. */
function grow<T extends Uint8Array | Int32Array | Float64Array>(array: T, min: number): T {
  if (array.length >= min) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(min, array.length * 2, 16));
  next.set(array);
  return next;
}
