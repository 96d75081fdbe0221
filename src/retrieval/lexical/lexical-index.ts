import type { SynonymGroup } from '../../knowledge/schema.js';
import type { SearchDocument } from '../corpus/build-corpus.js';
import { analyze, BIGRAM_JOINER, EXACT_PREFIX, foldDiacritics, hasDiacritics, isStopword, NOUN_CLASSIFIERS } from '../../text/index.js';
import { isActionWord, splitClauses, type Clause } from '../../understand/index.js';
import { Bm25Index, type Bm25Document, type PackedBm25, type WeightedTerm } from './bm25.js';
import { compileSynonyms, type SynonymMatcher } from './synonyms.js';
import { analyzeDocument, nameTokens } from './analyze-document.js';

/** Field weights: names and aliases above the summary above documents and steps. */
export const FIELD_WEIGHTS = { title: 3, aliases: 3, official: 2, summary: 1.2, body: 0.25 };
/** BM25 length normalisation per field (0 = none, 1 = full). */
export const FIELD_LENGTH_NORMS = { title: 0.5, aliases: 0.3, official: 0.5, summary: 0.6, body: 0.75 };
const STRONG_FIELDS = ['title', 'aliases', 'official', 'summary'] as const;

/**
 * Query-term weights: how much each kind of evidence counts; `narrative` scales the story around the asking part
 * (measured on the real questions' tuning half: docs/retrieval.md).
 */
export const TERM_WEIGHTS = { unigram: 1, bigram: 1.2, exact: 0.3, stopword: 0.2, context: 0.4, synonym: 0.8, narrative: 0.5 };

/**
 * Words that say what about a procedure is asked (papers, fee, time, place) or that it happens at the ward,
 * not which procedure: nearly every kiosk question has them, so they must not decide the ranking nor count
 * towards coverage. Folded term format of analyze().
 */
// English words in analyze()'s singular form (src/text/plural.ts): "papers" is read as "paper".
export const CONTEXT_TERMS: ReadonlySet<string> = new Set([
  'phuong', 'xa', 'ubnd', 'uy_ban', 'nhan_dan', 'ward', 'commune', 'office',
  'giay_to', 'can_gi', 'mang_theo', 'mang', 'chuan_bi', 'paper', 'document', 'bring',
  'le_phi', 'phi', 'bao_nhieu', 'tien', 'mat_bao', 'fee', 'cost', 'much',
  'bao_lau', 'may_ngay', 'thoi_gian', 'bao_gio', 'long', 'time',
  'o_dau', 'nop', 'noi', 'cho_nao', 'lam_o', 'dau',
  'lam', 'lam_the', 'lam_gi', 'cach', 'cac_buoc', 'buoc', 'get', 'apply', 'step',
  'vietnam', 'in_vietnam',
]);

/**
 * "mất bao lâu", "hết bao nhiêu tiền", "tốn mấy ngày": here mất/hết/tốn ask about time or cost, not "lost" or
 * "expired" — so they must not pull the question towards "mất giấy khai sinh" or "hết hạn". Folded form.
 */
const ASKING_VERBS = new Set(['mat', 'het', 'ton']);
const ASKING_NEXT = new Set(['bao', 'may', 'khoang', 'chung', 'nhieu', 'tien', 'phi']);

/** The asking verbs of a query that are followed by an amount word (so they ask "how much / how long"). */
function askingVerbs(bigrams: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const bigram of bigrams) {
    const [first, second] = bigram.split('_');
    if (first && second && ASKING_VERBS.has(first) && ASKING_NEXT.has(second)) found.add(first);
  }
  return found;
}

// "trên VNeID", "qua VNeID": the channel a procedure is done through, not the e-ID account procedure.
const CHANNEL_BIGRAMS: ReadonlySet<string> = new Set(['tren_vneid', 'qua_vneid', 'bang_vneid', 'on_vneid', 'via_vneid']);

/** Analysed documents remembered by entry id and content hash (analysis is the slow part of a start). */
export interface AnalysisCache {
  get(id: string, hash: string): DocumentAnalysis | undefined;
  set(id: string, hash: string, value: DocumentAnalysis): void;
}

/** One document's BM25F terms and its names as word lists written with their marks (lower case). */
export interface DocumentAnalysis {
  doc: Bm25Document;
  names: string[][];
}

/**
 * The built index as plain data, for the start-up snapshot (lexical/snapshot.ts): the packed BM25F arrays, and per
 * document (in the BM25 slot order) its names and its strong terms as term ids.
 */
export interface LexicalIndexData {
  bm25: PackedBm25;
  names: string[][][];
  /** Document i's strong term ids are strongTerms[strongOffsets[i] .. strongOffsets[i + 1]). */
  strongOffsets: Int32Array<ArrayBuffer>;
  strongTerms: Int32Array<ArrayBuffer>;
}

/** A lexical hit with the evidence abstention needs. */
export interface LexicalHit {
  id: string;
  /** BM25F score with the name-match boost. */
  score: number;
  /** BM25F score alone. */
  bm25: number;
  /** Best share of one of the entry's names (title, alias, official title) that the question contains (0–1). */
  nameMatch: number;
  /** Best idf-weighted share of one of the entry's names, or of a part of a long title, held by the question (0–1). */
  titleRecall: number;
  /** Share of the question's weighted terms found anywhere in the entry (0–1). */
  fullCoverage: number;
  /** Share of the query's content words (idf-weighted) found in the entry's names, aliases or summary. */
  strongCoverage: number;
}

/** The analysed query: the weighted terms plus the content words used for coverage. */
export interface AnalyzedQuery {
  terms: WeightedTerm[];
  contentWords: string[];
  /** Colloquial phrases found in the query and the official terms they stand for. */
  synonyms: { words: string[]; terms: string[] }[];
  /** Every folded word of the query, plus the single words of its synonym expansions. */
  words: Set<string>;
  /** How much each content word counts: 1 in the asking part, less in the story around it. */
  contentWeights: ReadonlyMap<string, number>;
  /** The same for every word of `words`. */
  wordWeights: ReadonlyMap<string, number>;
  /**
   * Folded words the question writes with marks every time, and how: such a word matches a name's word only in the
   * same form ("biến" is not "biển"). A word typed without marks anywhere matches whatever the marks.
   */
  markedOnly: ReadonlyMap<string, ReadonlySet<string>>;
}

/** BM25F over the corpus with synonym expansion, plus per-entry strong-field vocabularies for coverage. */
export class LexicalIndex {
  private readonly bm25: Bm25Index;
  private readonly strongTerms: Map<string, Set<string>>;
  private readonly synonyms: SynonymMatcher;
  /** Each entry's names as written (lower case, marks kept), and the same folded, word for word. */
  private readonly names: Map<string, EntryNames>;
  private readonly idfCache = new Map<string, number>();
  private readonly weightedIdfs = new WeakMap<AnalyzedQuery, { idfs: number[]; total: number }>();

  /** Analyses the documents (reusing cached analyses) and builds the index; or restores it from `data` as `toData` gave it. */
  constructor(documents: SearchDocument[], synonyms: SynonymGroup[], cache?: AnalysisCache, data?: LexicalIndexData) {
    this.synonyms = compileSynonyms(synonyms);
    if (data) {
      const { ids, terms } = data.bm25;
      if (data.names.length !== ids.length || data.strongOffsets.length !== ids.length + 1) throw new Error('Inconsistent lexical index data');
      this.bm25 = new Bm25Index([], BM25_OPTIONS, data.bm25);
      this.names = new Map(ids.map((id, i) => [id, entryNames(data.names[i] as string[][])]));
      this.strongTerms = new Map(
        ids.map((id, i) => [id, new Set(Array.from(data.strongTerms.subarray(data.strongOffsets[i], data.strongOffsets[i + 1]), (t) => terms[t] as string))]),
      );
      return;
    }
    const analyses = documents.map((doc) => analyzeCached(doc, cache));
    this.names = new Map(analyses.map(({ doc, names }) => [doc.id, entryNames(names)]));
    const analyzed = analyses.map(({ doc }) => doc);
    this.bm25 = new Bm25Index(analyzed, BM25_OPTIONS);
    this.strongTerms = new Map(analyzed.map((doc) => [doc.id, strongTermsOf(doc)]));
  }

  /** The index as plain data for the start-up snapshot (packing it first if edits left tombstones). */
  toData(): LexicalIndexData {
    const bm25 = this.bm25.pack();
    const termIds = new Map(bm25.terms.map((term, id) => [term, id]));
    const strongOffsets = new Int32Array(bm25.ids.length + 1);
    const strong: number[] = [];
    bm25.ids.forEach((id, i) => {
      for (const term of this.strongTerms.get(id) ?? []) {
        const termId = termIds.get(term);
        if (termId === undefined) throw new Error(`strong term "${term}" missing from the BM25 terms`);
        strong.push(termId);
      }
      strongOffsets[i + 1] = strong.length;
    });
    return { bm25, names: bm25.ids.map((id) => this.names.get(id)?.written ?? []), strongOffsets, strongTerms: Int32Array.from(strong) };
  }

  /** Number of indexed entries. */
  get size(): number {
    return this.bm25.size;
  }

  /** How far in-place edits may have moved scores from a full rebuild (relative change of an average field length). */
  lengthDrift(): number {
    return this.bm25.lengthDrift();
  }

  /** Indexes one (new or revised) document in place, analysing only it; the others are left as they are. */
  upsert(doc: SearchDocument, cache?: AnalysisCache): void {
    const analysis = analyzeCached(doc, cache);
    this.idfCache.clear();
    this.bm25.upsert(analysis.doc);
    this.names.set(doc.id, entryNames(analysis.names));
    this.strongTerms.set(doc.id, strongTermsOf(analysis.doc));
  }

  /** Drops one entry from the index; false when it was not indexed. */
  remove(id: string): boolean {
    this.idfCache.clear();
    this.names.delete(id);
    this.strongTerms.delete(id);
    return this.bm25.remove(id);
  }

  /**
   * Turns a citizen's message into weighted query terms (stop words light, synonyms expanded). The clauses that ask
   * weigh fully and the story around them less (docs/understanding.md); a message of one clause is all asking.
   */
  analyzeQuery(input: string | readonly Clause[]): AnalyzedQuery {
    const clauses = typeof input === 'string' ? splitClauses(input) : input;
    const terms: WeightedTerm[] = [];
    const content = new Map<string, number>();
    const words = new Set<string>();
    const wordWeights = new Map<string, number>();
    const see = (word: string, scale: number) => {
      words.add(word);
      wordWeights.set(word, Math.max(wordWeights.get(word) ?? 0, scale));
    };
    const synonymsFound: { words: string[]; terms: string[] }[] = [];
    const marked = new Map<string, Set<string>>();
    const unmarked = new Set<string>();
    for (const clause of clauses) {
      const scale = clause.asking ? 1 : TERM_WEIGHTS.narrative;
      const analyzed = clause.analyzed ?? analyze(clause.text);
      const asking = askingVerbs(analyzed.bigrams);
      // "trên VNeID", "qua VNeID" name the channel a procedure is done through, not the e-ID account procedure.
      for (const bigram of analyzed.bigrams) if (CHANNEL_BIGRAMS.has(bigram)) asking.add('vneid');
      // An asking verb drags its bigrams along: "sinh_mat" in "khai sinh mất bao nhiêu" is not about a lost paper.
      const isContext = (term: string) => CONTEXT_TERMS.has(term) || term.split(BIGRAM_JOINER).some((part) => asking.has(part));
      const weigh = (term: string, plain: number) =>
        scale * (asking.has(term) ? 0 : isStopword(term) ? TERM_WEIGHTS.stopword : isContext(term) ? TERM_WEIGHTS.context : plain);
      for (const term of analyzed.unigrams) if (!asking.has(term)) terms.push({ term, weight: weigh(term, TERM_WEIGHTS.unigram) });
      for (const term of analyzed.bigrams) terms.push({ term, weight: weigh(term, TERM_WEIGHTS.bigram) });
      for (const term of [...analyzed.exactUnigrams, ...analyzed.exactBigrams]) {
        const parts = foldDiacritics(term.slice(EXACT_PREFIX.length)).split(BIGRAM_JOINER);
        if (!parts.some((part) => asking.has(part))) terms.push({ term, weight: scale * TERM_WEIGHTS.exact });
      }
      // Noun classifiers ("mất cái sổ đỏ", "sang tên mảnh đất") do not break a colloquial phrase.
      // A channel word ("trên VNeID") does not expand to the account's name either.
      const synonyms = this.synonyms
        .match(analyzed.folded.filter((word) => !NOUN_CLASSIFIERS.has(word)))
        .filter((s) => !s.phrase.every((word) => asking.has(word)));
      for (const term of new Set(synonyms.flatMap((s) => s.terms))) terms.push({ term, weight: scale * TERM_WEIGHTS.synonym });
      for (const word of analyzed.unigrams) {
        if (!isStopword(word) && !isContext(word)) content.set(word, Math.max(content.get(word) ?? 0, scale));
      }
      for (const word of analyzed.folded) if (!asking.has(word)) see(word, scale);
      analyzed.tokens.forEach((written, i) => {
        const word = analyzed.folded[i] ?? written;
        if (!hasDiacritics(written)) unmarked.add(word);
        else marked.set(word, (marked.get(word) ?? new Set()).add(written));
      });
      for (const s of synonyms) {
        for (const term of s.terms) if (!term.includes('_')) see(term, scale);
        synonymsFound.push({ words: s.phrase, terms: s.terms });
      }
    }
    for (const word of unmarked) marked.delete(word);
    return { terms, contentWords: [...content.keys()], contentWeights: content, words, wordWeights, markedOnly: marked, synonyms: synonymsFound };
  }

  /** Ranks entries for an analysed query, best first. */
  search(query: AnalyzedQuery, limit: number): LexicalHit[] {
    const hits = this.bm25.search(query.terms, limit).map((hit) => {
      const nameMatch = this.nameMatch(hit.id, query);
      // A question that contains one of an entry's names almost whole is about that entry.
      return {
        id: hit.id,
        score: hit.score * (1 + NAME_MATCH_BOOST * nameMatch),
        bm25: hit.score,
        nameMatch,
        titleRecall: this.titleRecall(hit.id, query),
        fullCoverage: hit.coverage,
        strongCoverage: this.coverage(hit.id, query),
      };
    });
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /** The single words of an entry's names, aliases and summary (for models learnt from the knowledge base). */
  strongWords(id: string): string[] {
    return [...(this.strongTerms.get(id) ?? [])].filter((term) => !term.includes(BIGRAM_JOINER) && !isStopword(term) && !CONTEXT_TERMS.has(term));
  }

  /** Idf-weighted share of the question's content words that the knowledge base knows at all (0–1). */
  knownShare(query: AnalyzedQuery): number {
    return this.idfShare(query.contentWords, (word) => this.bm25.has(word), query.contentWeights);
  }

  /** Whether the text (folded words, space-joined) holds one of the entry's names of two words or more, word for word. */
  namesOutright(id: string, foldedText: string): boolean {
    const padded = ` ${foldedText} `;
    return (this.names.get(id) ?? NO_NAMES).folded.some((name) => name.length >= 2 && padded.includes(` ${name.join(' ')} `));
  }

  private nameMatch(id: string, query: AnalyzedQuery): number {
    const { folded: names, written } = this.names.get(id) ?? NO_NAMES;
    let best = 0;
    for (let n = 0; n < names.length; n++) {
      const name = names[n] as string[];
      const forms = written[n];
      let found = 0;
      let object = false;
      for (let i = 0; i < name.length; i++) {
        const word = name[i] as string;
        if (!query.words.has(word) || !sameAsWritten(query, word, forms?.[i])) continue;
        found++;
        if (!isActionWord(word)) object = true;
      }
      // One shared word of a long name is chance, not a match. A name must be matched in what it acts on: "đăng ký
      // sang tên" shared with "đăng ký sang tên xe" names the action, not the vehicle (a name of action words only passes).
      if (found < Math.min(2, name.length) || !(object || name.every(isActionWord))) continue;
      best = Math.max(best, found / name.length);
    }
    return best;
  }

  /**
   * Idf-weighted share of one of the entry's names (or of one part of a long official title) that the question
   * holds, a word of the story counting less than one of the asking part: 1 when the question names it whole.
   */
  private titleRecall(id: string, query: AnalyzedQuery): number {
    const { folded: names, written } = this.names.get(id) ?? NO_NAMES;
    let best = 0;
    for (let n = 0; n < names.length; n++) {
      const name = names[n] as string[];
      const forms = written[n];
      let total = 0;
      let found = 0;
      let count = 0;
      let object = false;
      for (let i = 0; i < name.length; i++) {
        const word = name[i] as string;
        const weight = query.wordWeights.get(word);
        const held = weight !== undefined && sameAsWritten(query, word, forms?.[i]);
        if (held && !isActionWord(word)) object = true;
        if (CONTEXT_TERMS.has(word)) continue;
        const idf = this.wordIdf(word);
        total += idf;
        if (!held) continue;
        found += idf * weight;
        count++;
      }
      // A name must be held in what it acts on; one shared word of a longer name is chance, not a match.
      if (!(object || name.every(isActionWord)) || total === 0 || count < Math.min(2, name.length)) continue;
      best = Math.max(best, found / total);
    }
    return best;
  }

  private coverage(id: string, query: AnalyzedQuery): number {
    const strong = this.strongTerms.get(id);
    if (!strong || query.contentWords.length === 0) return 0;
    // Words covered through a synonym: the colloquial phrase whose official terms the entry's names hold.
    const viaSynonym = new Set<string>();
    for (const synonym of query.synonyms) if (synonym.terms.some((t) => strong.has(t))) for (const word of synonym.words) viaSynonym.add(word);
    // The question's weighted idfs are the same for every candidate: computed once per question.
    let weighted = this.weightedIdfs.get(query);
    if (!weighted) {
      const idfs = query.contentWords.map((word) => this.wordIdf(word) * (query.contentWeights.get(word) ?? 1));
      weighted = { idfs, total: idfs.reduce((sum, idf) => sum + idf, 0) };
      this.weightedIdfs.set(query, weighted);
    }
    if (weighted.total <= 0) return 0;
    let found = 0;
    query.contentWords.forEach((word, i) => {
      if (strong.has(word) || viaSynonym.has(word)) found += weighted.idfs[i] as number;
    });
    return found / weighted.total;
  }

  /**
   * A word's idf; an unknown word weighs as much as the rarest known one. Remembered until the index changes: a
   * long question asks for the same words once per candidate.
   */
  private wordIdf(word: string): number {
    let idf = this.idfCache.get(word);
    if (idf === undefined) {
      idf = this.bm25.has(word) ? this.bm25.idf(word) : Math.log(1 + (this.bm25.size + 0.5) / 1.5);
      if (this.idfCache.size > 100_000) this.idfCache.clear();
      this.idfCache.set(word, idf);
    }
    return idf;
  }

  /** Idf-weighted share of `words` that pass `test`; an unknown word weighs as much as the rarest known one. */
  private idfShare(words: string[], test: (word: string) => boolean, weights?: ReadonlyMap<string, number>): number {
    let total = 0;
    let found = 0;
    for (const word of words) {
      const idf = this.wordIdf(word) * (weights?.get(word) ?? 1);
      total += idf;
      if (test(word)) found += idf;
    }
    return total > 0 ? found / total : 0;
  }
}

const BM25_OPTIONS = { fieldWeights: { ...FIELD_WEIGHTS }, b: { ...FIELD_LENGTH_NORMS } };

interface EntryNames {
  written: string[][];
  folded: string[][];
}

const NO_NAMES: EntryNames = { written: [], folded: [] };

function entryNames(written: string[][]): EntryNames {
  return { written, folded: written.map((name) => name.map(foldDiacritics)) };
}

/**
 * Whether the question holds a name's word as it is written: always when either side is typed without marks, else
 * only in the same marked form ("biến động" does not hold the "biển" of "biển số").
 */
function sameAsWritten(query: AnalyzedQuery, folded: string, written: string | undefined): boolean {
  const forms = query.markedOnly.get(folded);
  return forms === undefined || written === undefined || !hasDiacritics(written) || forms.has(written);
}

/** How much a question containing one of an entry's names whole raises that entry. */
export const NAME_MATCH_BOOST = 0.5;


function analyzeCached(doc: SearchDocument, cache: AnalysisCache | undefined): DocumentAnalysis {
  const cached = cache?.get(doc.id, doc.hash);
  if (cached) return cached;
  // The fields are derived on each read (SearchDocument): once here.
  const fields = doc.fields;
  const fresh = { doc: analyzeDocument({ id: doc.id, fields }), names: nameTokens(fields) };
  cache?.set(doc.id, doc.hash, fresh);
  return fresh;
}

/** The terms of an entry's names, aliases and summary, exact-diacritic forms aside. */
function strongTermsOf(doc: Bm25Document): Set<string> {
  return new Set(STRONG_FIELDS.flatMap((field) => doc.fields[field] ?? []).filter((t) => !t.startsWith('=')));
}
