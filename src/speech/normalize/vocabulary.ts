import { foldDiacritics, hasDiacritics } from '../../text/index.js';

/**
 * Words of the knowledge base by their unmarked spelling, used to put tone marks back on text typed without them
 * ("dang ky khai sinh" → "đăng ký khai sinh"). A spelling is restored only when the knowledge base settles it:
 * one marked form makes up at least 95% of its uses ("ban" — ban, bạn, bản, bán — stays as typed). Phrases of up to
 * three words are kept too, so a phrase can settle what its single words cannot.
 */
export interface SpeechVocabulary {
  /** Unmarked lower-case phrase → its settled marked spelling, or null when the knowledge base is not settled. */
  readonly phrases: ReadonlyMap<string, string | null>;
}

const MAX_PHRASE = 3;
const SETTLED_SHARE = 0.95;
const SPLIT_SENTENCES = /[.,;:!?()[\]\n"“”–—/]+/u;
const WORD = /[\p{L}]+/gu;

/**
 * Builds the vocabulary from knowledge texts (titles, summaries, aliases …), once when the knowledge loads. Texts
 * without a single diacritic are skipped: they are the unmarked aliases written on purpose for search ("dang ky
 * tam tru") and say nothing about how a word is marked.
 */
export function buildSpeechVocabulary(texts: Iterable<string>): SpeechVocabulary {
  const counts: PhraseCounts = new Map();
  for (const text of texts) countPhrases(text, counts);
  return settle(counts);
}

/**
 * The same, built in slices of about `sliceMs` that yield to the event loop in between: the whole knowledge base
 * takes ~0.1–0.3 s, which must not hold up the requests a service answers right after its start.
 */
export async function buildSpeechVocabularyInSlices(texts: Iterable<string>, sliceMs = 10): Promise<SpeechVocabulary> {
  const counts: PhraseCounts = new Map();
  let sliceStart = performance.now();
  for (const text of texts) {
    countPhrases(text, counts);
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
  return settle(counts);
}

/** Unmarked phrase → its marked forms with their counts. */
type PhraseCounts = Map<string, Map<string, number>>;

function countPhrases(text: string, counts: PhraseCounts): void {
  if (!hasDiacritics(text)) return;
  for (const sentence of text.normalize('NFC').toLowerCase().split(SPLIT_SENTENCES)) {
    const words = sentence.match(WORD) ?? [];
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= MAX_PHRASE && i + n <= words.length; n++) {
        const marked = words.slice(i, i + n).join(' ');
        const key = foldDiacritics(marked);
        const forms = counts.get(key) ?? new Map<string, number>();
        forms.set(marked, (forms.get(marked) ?? 0) + 1);
        counts.set(key, forms);
      }
    }
  }
}

function settle(counts: PhraseCounts): SpeechVocabulary {
  const phrases = new Map<string, string | null>();
  for (const [key, forms] of counts) {
    let total = 0;
    let best: [string, number] = ['', 0];
    for (const entry of forms) {
      total += entry[1];
      if (entry[1] > best[1]) best = entry;
    }
    // Only spellings that gain marks are worth keeping; an unmarked word that stays unmarked needs no entry.
    if (best[0] === key && forms.size === 1) continue;
    // A single word seen only once or twice settles nothing; a phrase is specific enough on its own.
    const enough = key.includes(' ') || total >= 3;
    phrases.set(key, enough && best[1] >= SETTLED_SHARE * total && best[0] !== key ? best[0] : null);
  }
  return { phrases };
}

/** An empty vocabulary: nothing is restored (before the knowledge base has loaded). */
export const EMPTY_VOCABULARY: SpeechVocabulary = { phrases: new Map() };

/**
 * Puts marks back on unmarked words. For each unmarked word the longest known phrase around it (up to three words,
 * joined by single spaces) decides, and words of that phrase that already carry marks must agree with it — so
 * "tạm trú ở dau" still settles "dau" through "ở đâu". A word keeps its capital letter; mixed-case words (VNeID) and
 * words with marks are never changed.
 */
export function restoreToneMarks(text: string, vocabulary: SpeechVocabulary): string {
  if (vocabulary.phrases.size === 0) return text;
  // tokens: [sep, word, sep, word, …, sep]; words sit at odd indexes.
  const tokens = text.split(/([\p{L}]+)/u);
  const words = tokens.filter((_, i) => i % 2 === 1);
  const joinedToNext = words.map((_, w) => tokens[2 * w + 2] === ' ');
  const folded = words.map((word) => foldDiacritics(word).toLowerCase());
  const result = [...words];
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (hasDiacritics(word) || isMixedCase(word)) continue;
    const marked = findPhrase(w, words, folded, joinedToNext, vocabulary);
    if (marked !== undefined) result[w] = keepCase(word, marked);
  }
  return tokens.map((token, i) => (i % 2 === 1 ? result[(i - 1) / 2]! : token)).join('');
}

/** The marked spelling of word `w` from the longest settled phrase that contains it and agrees with its neighbours. */
function findPhrase(w: number, words: string[], folded: string[], joinedToNext: boolean[], vocabulary: SpeechVocabulary): string | undefined {
  for (let n = MAX_PHRASE; n >= 1; n--) {
    for (let start = Math.max(0, w - n + 1); start <= w && start + n <= words.length; start++) {
      let joined = true;
      for (let k = start; k < start + n - 1; k++) joined &&= joinedToNext[k] === true;
      if (!joined) continue;
      const marked = vocabulary.phrases.get(folded.slice(start, start + n).join(' '));
      if (!marked) continue;
      const markedWords = marked.split(' ');
      const agrees = markedWords.every((m, k) => {
        const original = words[start + k]!;
        return !hasDiacritics(original) || original.toLowerCase() === m;
      });
      if (agrees) return markedWords[w - start];
    }
  }
  return undefined;
}

/** "VNeID", "eKYC": a brand or code, never a word to mark. */
function isMixedCase(word: string): boolean {
  return word.slice(1) !== word.slice(1).toLowerCase() && word !== word.toUpperCase();
}

function keepCase(original: string, marked: string): string {
  if (original === original.toUpperCase() && original.length > 1) return marked.toUpperCase();
  return original[0] === original[0]?.toUpperCase() ? marked.charAt(0).toUpperCase() + marked.slice(1) : marked;
}
