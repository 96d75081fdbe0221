import { ABBREVIATIONS } from './abbreviation-table.js';
import { foldDiacritics, hasDiacritics } from './fold.js';
import { ENGLISH_WORDS, VIETNAMESE_PHRASES, VIETNAMESE_SYLLABLES } from './language-words.js';
import { isVietnameseSyllableShape } from './syllable.js';
import { tokenize } from './tokenize.js';

export { LANGUAGES, type Language } from '../shared/language.js';
import type { Language } from '../shared/language.js';

/** Evidence for each language; the higher wins, ties go to Vietnamese. */
export interface LanguageScores {
  vi: number;
  en: number;
}

// English contractions vanish once punctuation becomes space ("i'm" → "i m"), so they are looked for first.
const CONTRACTION = /\p{L}['’](?:m|s|t|re|ve|ll|d)\b/giu;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const VOWEL = /[aeiouy]/;
const MAX_PHRASE = 3;

/** Scores how Vietnamese and how English a citizen's message looks (diacritics, common words, syllable shape). */
export function scoreLanguage(text: string): LanguageScores {
  const scores: LanguageScores = { vi: 0, en: 2 * (text.match(CONTRACTION)?.length ?? 0) };
  const tokens = tokenize(text);
  const folded = tokens.map(foldDiacritics);

  for (let i = 0; i < tokens.length; ) {
    const phraseLength = matchPhrase(folded, i);
    if (phraseLength > 0) {
      scores.vi += 2;
      i += phraseLength;
      continue;
    }
    const evidence = scoreWord(tokens[i] ?? '', folded[i] ?? '');
    scores.vi += evidence.vi;
    scores.en += evidence.en;
    i++;
  }
  return scores;
}

/** Vietnamese or English for a citizen's message; Vietnamese when unsure (e.g. "CCCD", empty text). */
export function detectLanguage(text: string): Language {
  const { vi, en } = scoreLanguage(text);
  return en > vi ? 'en' : 'vi';
}

/** True unless the message looks more English than Vietnamese (same decision as {@link detectLanguage}). */
export function isVietnameseLikely(text: string): boolean {
  return detectLanguage(text) === 'vi';
}

function scoreWord(token: string, word: string): LanguageScores {
  if (hasDiacritics(token)) return { vi: 2, en: 0 };
  if (VIETNAMESE_SYLLABLES.has(word) || Object.hasOwn(ABBREVIATIONS, word)) return { vi: 1, en: 0 };
  if (ENGLISH_WORDS.has(word)) return { vi: 0, en: 1 };
  if (!LETTER.test(word) || DIGIT.test(word)) return { vi: 0, en: 0 };
  // Unlisted words: a weak hint from their shape ("nghieng" could be Vietnamese, "diploma" cannot).
  if (isVietnameseSyllableShape(word)) return { vi: 0.5, en: 0 };
  if (word.length >= 3 && VOWEL.test(word)) return { vi: 0, en: 0.5 };
  return { vi: 0, en: 0 };
}

function matchPhrase(folded: readonly string[], start: number): number {
  for (let length = MAX_PHRASE; length >= 2; length--) {
    if (start + length > folded.length) continue;
    if (VIETNAMESE_PHRASES.has(folded.slice(start, start + length).join(' '))) return length;
  }
  return 0;
}
