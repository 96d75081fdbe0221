import { foldDiacritics, hasDiacritics } from '../../text/index.js';

/**
 * Words of the knowledge base by their unmarked spelling, used to put tone marks back on text typed without them
 * ("dang ky khai sinh" → "đăng ký khai sinh"). A spelling is restored only when the knowledge base writes it one way;
 * "ban" (ban, bạn, bản, bán …) stays as typed. Phrases of up to three words are kept too, so a phrase can settle
 * what its single words cannot.
 */
export interface SpeechVocabulary {
  /** Unmarked lower-case phrase → its only marked spelling, or null when the knowledge base has several. */
  readonly phrases: ReadonlyMap<string, string | null>;
}

const MAX_PHRASE = 3;
const SPLIT_SENTENCES = /[.,;:!?()[\]\n"“”–—/]+/u;
const WORD = /[\p{L}]+/gu;

/** Builds the vocabulary from knowledge texts (titles, summaries, aliases …), built once when the knowledge loads. */
export function buildSpeechVocabulary(texts: Iterable<string>): SpeechVocabulary {
  const phrases = new Map<string, string | null>();
  const add = (marked: string) => {
    const key = foldDiacritics(marked);
    const known = phrases.get(key);
    if (known === undefined) phrases.set(key, marked);
    else if (known !== null && known !== marked) phrases.set(key, null);
  };
  for (const text of texts) {
    for (const sentence of text.normalize('NFC').toLowerCase().split(SPLIT_SENTENCES)) {
      const words = sentence.match(WORD) ?? [];
      for (let i = 0; i < words.length; i++) {
        for (let n = 1; n <= MAX_PHRASE && i + n <= words.length; n++) add(words.slice(i, i + n).join(' '));
      }
    }
  }
  return { phrases };
}

/** An empty vocabulary: nothing is restored (before the knowledge base has loaded). */
export const EMPTY_VOCABULARY: SpeechVocabulary = { phrases: new Map() };

/**
 * Puts marks back on runs of unmarked words, longest known phrase first; a word keeps its capital letter.
 * Words that already carry marks, and text with no match, are left as they are.
 */
export function restoreToneMarks(text: string, vocabulary: SpeechVocabulary): string {
  if (vocabulary.phrases.size === 0) return text;
  const tokens = text.split(/([\p{L}]+)/u);
  // tokens: [sep, word, sep, word, …, sep]; words sit at odd indexes.
  for (let i = 1; i < tokens.length; i += 2) {
    const word = tokens[i] ?? '';
    if (hasDiacritics(word)) continue;
    for (let n = MAX_PHRASE; n >= 1; n--) {
      const words: number[] = [];
      let ok = true;
      for (let k = 0; k < n; k++) {
        const index = i + 2 * k;
        const candidate = tokens[index];
        // Only words joined by plain spaces make a phrase, and every one must be unmarked.
        if (candidate === undefined || hasDiacritics(candidate) || (k > 0 && tokens[index - 1] !== ' ')) {
          ok = false;
          break;
        }
        words.push(index);
      }
      if (!ok) continue;
      const key = words.map((index) => (tokens[index] ?? '').toLowerCase()).join(' ');
      const marked = vocabulary.phrases.get(key);
      if (!marked) continue;
      const markedWords = marked.split(' ');
      words.forEach((index, k) => (tokens[index] = keepCase(tokens[index] ?? '', markedWords[k] ?? '')));
      i += 2 * (n - 1);
      break;
    }
  }
  return tokens.join('');
}

function keepCase(original: string, marked: string): string {
  if (original === original.toUpperCase() && original.length > 1) return marked.toUpperCase();
  return original[0] === original[0]?.toUpperCase() ? marked.charAt(0).toUpperCase() + marked.slice(1) : marked;
}
