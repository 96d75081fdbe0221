import { memoizeWords } from './memoize.js';

const COMBINING_MARKS = /\p{M}/gu;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

// Indexing folds the same few thousand syllables over and over.
const foldCached = memoizeWords(fold);

/** Removes every diacritic (tones, breve, circumflex, horn) and đ/Đ → d/D, keeping case: "Đăng ký" → "Dang ky". */
export function foldDiacritics(text: string): string {
  return foldCached(text);
}

/** True when the text carries at least one diacritic that {@link foldDiacritics} would remove. */
export function hasDiacritics(text: string): boolean {
  return marksCached(text) === MARKED;
}

// Asked of every word of every question and name: remembered like the fold.
const MARKED = '1';
const marksCached = memoizeWords((text) => (foldCached(text) !== text.normalize('NFC') ? MARKED : ''));

