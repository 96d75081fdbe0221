/*
 * Term format for the lexical (BM25) index — both documents and queries go through analyze():
 *
 *   unigram        folded syllable or code, lower case, no diacritics      "dang", "ky", "ct01", "1.001193"
 *   bigram         two adjacent folded tokens joined by "_"                "dang_ky", "ket_hon"
 *   exact unigram  "=" + normalized token with diacritics                  "=đăng", "=kết"
 *   exact bigram   "=" + two adjacent normalized tokens joined by "_"      "=kết_hôn"
 *
 * Tokens are normalized (NFC, lower case, canonical tone placement), abbreviations are expanded and English plurals
 * made singular before bigrams are formed, so "dk kết hôn" yields "ky_ket" and "certified copies" "certified_copy". Arrays keep duplicates and order: term frequency = occurrences.
 * Bigrams stay inside a sentence or clause: none across a comma or a sentence mark, none with the particle that
 * closes a question ("… từ đầu không?" has no "dau_khong", which a title's "lần đầu không đúng" would match).
 * Folded terms never start with "=", so the four kinds share one vocabulary without collisions.
 *
 * Exact terms exist so that a query written with marks can rank an exact-diacritic match above a folded-only
 * one. A query written without marks has none and still matches every folded term. Index documents with
 * { exact: 'always' } (they are written with marks); queries use the default 'auto' — see AnalyzeOptions.
 */
import { expandAbbreviationsWithSource } from './abbreviations.js';
import { foldDiacritics, hasDiacritics } from './fold.js';
import { singular } from './plural.js';
import { normalizeWords } from './normalize-text.js';
import { placeWords } from './places.js';

export const EXACT_PREFIX = '=';
export const BIGRAM_JOINER = '_';

export interface AnalyzeOptions {
  /**
   * Which tokens get exact terms. 'always': all (documents). 'never': none. 'auto' (default, queries): a token
   * written with marks, or any token when at least half of the text's words carry marks — then an unmarked word
   * such as "cho" is taken as really written "cho". Expanded abbreviations follow the token they came from.
   */
  exact?: 'auto' | 'always' | 'never';
  /** Leave out the places the text names (a question's "ở Bắc Ninh": ./places.ts); their neighbours form no phrase. */
  withoutPlaces?: boolean;
}

/** Everything a lexical index needs from one text. */
export interface AnalyzedText {
  /** Normalized tokens after abbreviation expansion, with diacritics. */
  tokens: string[];
  /** `tokens` folded to no diacritics, same order and length. */
  folded: string[];
  /** Folded unigram terms (the same items as `folded`). */
  unigrams: string[];
  /** Folded bigram terms, "dang_ky". */
  bigrams: string[];
  /** Exact-diacritic unigram terms, "=đăng". */
  exactUnigrams: string[];
  /** Exact-diacritic bigram terms, "=đăng_ký"; only between two tokens that both have exact terms. */
  exactBigrams: string[];
  /** All four kinds of terms concatenated: unigrams, bigrams, exactUnigrams, exactBigrams. */
  terms: string[];
}

// The particle that closes a yes-or-no question ("có … không", "đã … chưa"), and the polite words and forms of address
// that may follow it ("… không ạ?", "… chưa anh?"): no phrase joins the question's last word to them.
const CLOSING_PARTICLES: ReadonlySet<string> = new Set(['khong', 'ko', 'chua']);
const TRAILING_POLITE: ReadonlySet<string> = new Set(['a', 'ah', 'vay', 'nhi', 'nhe', 'ha', 'anh', 'chi', 'em', 'ban', 'ad', 'co', 'chu', 'bac']);

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

/** Turns a text into folded and exact-diacritic unigram and bigram terms for BM25 (format documented above). */
export function analyze(text: string, { exact = 'auto', withoutPlaces = false }: AnalyzeOptions = {}): AnalyzedText {
  const { words: original, breakAfter: originalBreaks } = normalizeWords(text);
  const marked = original.map(hasDiacritics);
  const expanded = expandAbbreviationsWithSource(original);
  // English plurals meet their singular ("copies" → "copy"); no Vietnamese word ends in "s" (./plural.ts).
  let tokens = expanded.map((t) => singular(t.token));
  let folded = tokens.map(foldDiacritics);

  const writtenWithMarks = exact === 'auto' && usesMarks(original, marked);
  let isExact = expanded.map(
    ({ source }) => exact === 'always' || (exact === 'auto' && (writtenWithMarks || marked[source] === true)),
  );
  // Where a sentence or clause ends (after the last word, and where a mark followed a word as typed).
  let ends = tokens.map((_, i) => i === tokens.length - 1 || (originalBreaks[expanded[i]?.source ?? 0] === true && expanded[i + 1]?.source !== expanded[i]?.source));
  if (withoutPlaces) {
    const inPlace = placeWords(tokens, folded);
    if (inPlace) {
      const kept = tokens.map((_, i) => i).filter((i) => !inPlace[i]);
      // The word before a place ends a phrase, as a comma would.
      ends = kept.map((i, k) => ends[i] === true || inPlace[i + 1] === true || kept[k + 1] !== i + 1);
      tokens = kept.map((i) => tokens[i] ?? '');
      folded = kept.map((i) => folded[i] ?? '');
      isExact = kept.map((i) => isExact[i] === true);
    }
  }

  const bigrams: string[] = [];
  const exactUnigrams: string[] = [];
  const exactBigrams: string[] = [];
  // A sentence mark ends a phrase; so does the particle that closes a question ("… từ đầu không ạ?": no "đầu không").
  const endsHere = (i: number) => ends[i] === true;
  const closing = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!endsHere(i)) continue;
    let j = i;
    while (j > 0 && TRAILING_POLITE.has(folded[j] ?? '') && !endsHere(j - 1)) j--;
    if (CLOSING_PARTICLES.has(folded[j] ?? '')) for (let k = j - 1; k < i; k++) closing.add(k);
  }
  const phraseBreak = (i: number) => endsHere(i) || closing.has(i);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    if (isExact[i]) exactUnigrams.push(EXACT_PREFIX + token);
    if (next === undefined || phraseBreak(i)) continue;
    bigrams.push((folded[i] ?? '') + BIGRAM_JOINER + (folded[i + 1] ?? ''));
    if (isExact[i] && isExact[i + 1]) exactBigrams.push(EXACT_PREFIX + token + BIGRAM_JOINER + next);
  }

  const unigrams = [...folded];
  return {
    tokens,
    folded,
    unigrams,
    bigrams,
    exactUnigrams,
    exactBigrams,
    terms: [...unigrams, ...bigrams, ...exactUnigrams, ...exactBigrams],
  };
}

// Words only (letters, no digit): codes like "ct01" say nothing about whether the writer types marks.
function usesMarks(tokens: readonly string[], marked: readonly boolean[]): boolean {
  let words = 0;
  let markedWords = 0;
  tokens.forEach((token, i) => {
    if (!LETTER.test(token) || DIGIT.test(token)) return;
    words++;
    if (marked[i]) markedWords++;
  });
  return words > 0 && markedWords * 2 >= words;
}
