import type { Entry, Level, SynonymGroup } from '../../knowledge/schema.js';
import { isCatalogueEntry } from '../../knowledge/schema.js';
import { buildCorpus, type Corpus, type SearchDocument } from '../corpus/build-corpus.js';
import { LexicalIndex, type AnalysisCache, type LexicalHit } from '../lexical/lexical-index.js';
import { analyze } from '../../text/index.js';
import { actionAgreement, actionsOfTitle, understand, type ActionSet, type Question, type ScopeTopic } from '../../understand/index.js';
import { buildFieldModel, type FieldModel } from './field-model.js';
import { lookupDirect } from './code-lookup.js';
import { fuseByRank } from './fuse.js';
import { ASKING_WEIGHT, DEFAULT_THRESHOLDS, isAnswerable, type Evidence, type Thresholds } from './thresholds.js';
import { dropLaterTwins } from './twins.js';

/** Dense retrieval as the retriever sees it: entry-level hits with their best section. */
export interface DenseSearcher {
  search(query: string, k: number): Promise<{ entryId: string; section: string; similarity: number }[]>;
}

/** One result of a search, with what a client needs to show and cite it. */
export interface SearchResult {
  id: string;
  title: string;
  titleEn?: string;
  score: number;
  kind: 'curated' | 'catalogue';
  levels: Level[];
  codes: string[];
  url?: string;
  verified: boolean;
  /** The section that matched best (from the dense index), e.g. "documents" or "fees". */
  section?: string;
  /** Share of the question's words (idf-weighted) found in this entry's names, aliases or summary (0–1). */
  coverage?: number;
}

/** A search answer: results best first and whether they are good enough to answer from. */
export interface SearchResponse {
  query: string;
  answerable: boolean;
  results: SearchResult[];
  evidence: Evidence;
  /** The question's topic when no ward procedure deals with it (court matters, weather, prices …). */
  scope?: ScopeTopic;
}

export interface RetrieverOptions {
  entries: Entry[];
  synonyms: SynonymGroup[];
  thresholds?: Thresholds;
  /** RRF weight of the dense list relative to the lexical one. */
  denseWeight?: number;
  /** Remembers analysed documents between starts. */
  analysisCache?: AnalysisCache;
  /** The corpus and lexical index already built over `entries` (startRetrieval restores them from its snapshot). */
  built?: { corpus: Corpus; lexical: LexicalIndex };
}

/** What updateEntries re-indexed: searchable documents added or revised, and those no longer searchable. */
export interface EntriesUpdate {
  changed: string[];
  removed: string[];
}

// Candidates reranked by names, actions and fields: 30 give the same answers as 50 on every set (docs/retrieval.md, "Speed").
const CANDIDATES = 30;
/** How much naming an entry raises it: the share of its best name held, and the idf-weighted recall of its names (docs/retrieval.md). */
export const RANKING = { nameMatch: 0, titleRecall: 0.5, field: 0.3, fieldFloor: 0.5 };
// How much of a procedure's name a question must contain to be answered although its topic is out of scope.
const SCOPE_NAME_MATCH = 0.75;
const NO_ACTIONS: ActionSet = { actions: new Set(), modifiers: new Set(), base: true };

/** Prior belief in an entry: curated entries are written for citizens; commune-level ones are what a ward handles. */
export function priorOf(entry: Entry): number {
  const curated = isCatalogueEntry(entry) ? 1 : PRIORS.curated;
  const commune = entry.levels.includes('xã') ? PRIORS.commune : 1;
  const ministry = entry.levels.length > 0 && entry.levels.every((level) => level === 'bộ') ? PRIORS.ministryOnly : 1;
  return curated * commune * ministry;
}

/** The priors of priorOf (docs/retrieval.md, "Fusion, folding, priors"). */
export const PRIORS = { curated: 1.3, commune: 1.1, ministryOnly: 0.7 };

/** Hybrid retrieval over the knowledge base: BM25F + optional dense index, fused by rank, with abstention. */
export class Retriever {
  private corpus: Corpus;
  private lexical: LexicalIndex;
  private dense: DenseSearcher | undefined;
  private synonyms: SynonymGroup[];
  private readonly thresholds: Thresholds;
  private readonly denseWeight: number;
  private readonly titleActions = new WeakMap<SearchDocument, ActionSet>();
  private fields: FieldModel;

  constructor({ entries, synonyms, thresholds = DEFAULT_THRESHOLDS, denseWeight = 0.5, analysisCache, built }: RetrieverOptions) {
    this.synonyms = synonyms;
    this.thresholds = thresholds;
    this.denseWeight = denseWeight;
    this.corpus = built?.corpus ?? buildCorpus(entries);
    this.lexical = built?.lexical ?? new LexicalIndex(this.corpus.documents, synonyms, analysisCache);
    this.fields = this.trainFields();
  }

  private trainFields(): FieldModel {
    return buildFieldModel(this.corpus.documents.map((doc) => ({ id: doc.id, field: doc.entry.field, words: this.lexical.strongWords(doc.id) })));
  }

  /** The searchable documents (curated entries with folded records, and uncovered catalogue records). */
  get documents(): SearchDocument[] {
    return this.corpus.documents;
  }

  /** Looks up a searchable document by entry id; a folded catalogue id resolves to its curated entry. */
  getDocument(id: string): SearchDocument | undefined {
    return this.corpus.byId.get(this.corpus.foldedInto.get(id) ?? id);
  }

  /** Relative drift of lexical length normalisation since the last full build (see Bm25Index); replaceEntries resets it. */
  get lexicalDrift(): number {
    return this.lexical.lengthDrift();
  }

  /** Plugs in (or removes) the dense index, e.g. once background embedding has finished. */
  setDense(dense: DenseSearcher | undefined): void {
    this.dense = dense;
  }

  /**
   * Applies a revised knowledge base in place, re-indexing only the searchable documents whose content changed
   * (by id and hash) and dropping those that are gone; the others are not analysed again. A folded catalogue
   * record is indexed as part of its curated entry, so editing either reports the curated id. Synchronous, so a
   * search never sees the corpus and the lexical index disagree.
   */
  updateEntries(entries: Entry[]): EntriesUpdate {
    const corpus = buildCorpus(entries, { reuse: this.corpus });
    const changed = corpus.documents.filter((doc) => this.corpus.byId.get(doc.id)?.hash !== doc.hash);
    const removed = this.corpus.documents.filter((doc) => !corpus.byId.has(doc.id)).map((doc) => doc.id);
    for (const id of removed) this.lexical.remove(id);
    for (const doc of changed) this.lexical.upsert(doc);
    this.corpus = corpus;
    this.fields = this.trainFields();
    return { changed: changed.map((doc) => doc.id), removed };
  }

  /**
   * Replaces the whole knowledge base and rebuilds the lexical index from scratch (new synonyms, or a full
   * re-pack that also renormalises every document's length against the current averages). Pass the analysis
   * cache so that only changed entries are analysed again; it is not kept in between because its millions of
   * terms would double the memory of a running service. For a revision of a few entries, use updateEntries.
   */
  replaceEntries(entries: Entry[], synonyms: SynonymGroup[] = this.synonyms, analysisCache?: AnalysisCache): void {
    const corpus = buildCorpus(entries);
    const lexical = new LexicalIndex(corpus.documents, synonyms, analysisCache);
    this.corpus = corpus;
    this.lexical = lexical;
    this.synonyms = synonyms;
    this.fields = this.trainFields();
  }

  /**
   * Searches for a citizen's question, analysed once by the caller (or here from plain text); `k` results at most,
   * best first.
   */
  async search(input: string | Question, k: number): Promise<SearchResponse> {
    const question = typeof input === 'string' ? understand(input) : input;
    const query = question.text;
    const analyzed = this.lexical.analyzeQuery(question.clauses);
    const posterior = RANKING.field > 0 ? this.fields.classify(analyzed.contentWeights) : new Map<string, number>();
    const lexicalHits = this.rerankLexical(this.lexical.search(analyzed, CANDIDATES), question, posterior);
    const denseHits = this.dense ? await this.dense.search(query, CANDIDATES) : [];
    const denseRanked = denseHits
      .map((hit) => ({ ...hit, adjusted: hit.similarity * (this.priorFor(hit.entryId) ** 0.25) }))
      .sort((a, b) => b.adjusted - a.adjusted);
    const fused = fuseByRank([
      { ids: lexicalHits.map((h) => h.id), weight: 1 },
      { ids: denseRanked.map((h) => h.entryId), weight: this.denseWeight },
    ]);
    const sections = new Map(denseHits.map((hit) => [hit.entryId, hit.section]));
    const coverages = new Map(lexicalHits.map((hit) => [hit.id, hit.strongCoverage]));
    const ordered = [...fused.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const ranked = dropLaterTwins(ordered, ([id]) => this.corpus.byId.get(id)?.entry.title.vi, k);
    const results = ranked.flatMap(([id, score]) => {
      const doc = this.corpus.byId.get(id);
      return doc ? [toResult(doc, score, sections.get(id), coverages.get(id))] : [];
    });
    const topId = ranked[0]?.[0];
    const denseTop = denseHits.length > 0 ? Math.max(...denseHits.map((h) => h.similarity)) : undefined;
    const [first, second] = lexicalHits;
    const evidence: Evidence = {
      coverage: Math.max(0, ...lexicalHits.slice(0, 3).map((h) => h.strongCoverage)),
      nameMatch: first?.nameMatch ?? 0,
      fullCoverage: first?.fullCoverage ?? 0,
      knownShare: this.lexical.knownShare(analyzed),
      lexicalTop: first?.score ?? 0,
      asking: ASKING_WEIGHT[question.aspect],
      titleRecall: first?.titleRecall ?? 0,
      ...(denseTop === undefined ? {} : { dense: denseTop }),
      ...(first && second && first.score > 0 ? { margin: second.score / first.score } : {}),
    };
    // A topic no procedure answers (a court matter, the weather) is declined unless the question names a procedure outright.
    const outOfScope = question.scope !== undefined && (question.scope.asked || !this.namesOutright(question, topId, evidence));
    const answerable = topId !== undefined && !outOfScope && isAnswerable(evidence, this.thresholds);
    const direct = lookupDirect(this.corpus, query);
    if (direct.length > 0) return putDirectFirst({ query, answerable, results, evidence }, direct, k);
    return { query, answerable, results, evidence, ...(outOfScope && question.scope ? { scope: question.scope.topic } : {}) };
  }

  /** Whether the question names its best entry outright: most of a name, and a name of it word for word. */
  private namesOutright(question: Question, id: string | undefined, evidence: Evidence): boolean {
    if (id === undefined || evidence.nameMatch < SCOPE_NAME_MATCH) return false;
    return this.lexical.namesOutright(id, question.clauses.map((clause) => (clause.analyzed ?? analyze(clause.text)).folded.join(' ')).join(' '));
  }

  /**
   * Priors and action agreement on the lexical scores. A name found in the question counts only when the entry does
   * what the question asks: "sổ hồng" names the first registration, but "sang tên sổ hồng" asks for a transfer.
   */
  private rerankLexical(hits: LexicalHit[], question: Question, posterior: ReadonlyMap<string, number>): LexicalHit[] {
    return hits
      .map((hit) => {
        const agreement = actionAgreement(question.actions, this.actionsOf(hit.id));
        const named = agreement >= 1 ? hit.bm25 * (1 + RANKING.nameMatch * hit.nameMatch + RANKING.titleRecall * hit.titleRecall) : hit.bm25;
        const fit = RANKING.field > 0 ? RANKING.fieldFloor + (1 - RANKING.fieldFloor) * this.fields.relativeFit(posterior, hit.id) ** RANKING.field : 1;
        return { ...hit, score: named * this.priorFor(hit.id) * agreement * fit };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /** What a procedure does to its object, read from its official title (remembered per document). */
  private actionsOf(id: string): ActionSet {
    const doc = this.corpus.byId.get(id);
    if (!doc) return NO_ACTIONS;
    let actions = this.titleActions.get(doc);
    // A curated entry's everyday title names fewer circumstances than the official records folded into it.
    if (!actions) this.titleActions.set(doc, (actions = withCoveredOptions(actionsOfTitle(doc.entry.title.vi), doc.folded.map((r) => r.title.vi))));
    return actions;
  }

  private priorFor(id: string): number {
    const doc = this.corpus.byId.get(id);
    return doc ? priorOf(doc.entry) : 1;
  }
}

/**
 * A procedure named by its national code or its exact official name comes first, whatever the ranking said; records
 * sharing that name are equally first (margin 1), so the conversation asks which one is meant.
 */
function putDirectFirst(response: SearchResponse, direct: SearchDocument[], k: number): SearchResponse {
  const score = Number(((response.results[0]?.score ?? 0) * 2 + 0.01).toFixed(6));
  const ids = new Set(direct.map((doc) => doc.id));
  // The best-matching section the dense index found stays with the entry.
  const section = (id: string) => response.results.find((r) => r.id === id)?.section;
  const results = [...direct.map((doc) => toResult(doc, score, section(doc.id), response.results.find((r) => r.id === doc.id)?.coverage ?? 1)), ...response.results.filter((r) => !ids.has(r.id))].slice(0, Math.max(k, 1));
  const evidence: Evidence = { ...response.evidence, margin: direct.length > 1 ? 1 : 0 };
  return { ...response, answerable: true, results, evidence };
}

function toResult(doc: SearchDocument, score: number, section: string | undefined, coverage?: number): SearchResult {
  const { entry } = doc;
  return {
    id: entry.id,
    title: entry.title.vi,
    ...(entry.title.en ? { titleEn: entry.title.en } : {}),
    score: Number(score.toFixed(6)),
    kind: isCatalogueEntry(entry) ? 'catalogue' : 'curated',
    levels: entry.levels,
    codes: entry.codes,
    ...(entry.url ? { url: entry.url } : {}),
    verified: entry.verified,
    ...(section ? { section } : {}),
    ...(coverage === undefined ? {} : { coverage: Number(coverage.toFixed(3)) }),
  };
}

/**
 * A curated entry serves what the records it covers serve: a circumstance those open to all ("cho công dân Việt Nam,
 * người nước ngoài …") is open on the entry too, never required by it.
 */
function withCoveredOptions(own: ActionSet, coveredTitles: readonly string[]): ActionSet {
  const optional = new Set(own.optional ?? []);
  for (const title of coveredTitles) for (const modifier of actionsOfTitle(title).optional ?? []) if (!own.modifiers.has(modifier)) optional.add(modifier);
  if (optional.size === (own.optional?.size ?? 0)) return own;
  return { ...own, modifiers: new Set([...own.modifiers, ...optional]), optional };
}
