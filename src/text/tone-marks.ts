import { memoizeWords } from './memoize.js';
import { MODIFIED_VOWELS, splitSyllable } from './syllable.js';

// Combining tone marks: huyền, sắc, ngã, hỏi, nặng. Quality marks (breve, circumflex, horn) are not tones.
const TONE_MARKS: ReadonlySet<string> = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const QUALITY_MARKS: ReadonlySet<string> = new Set(['\u0302', '\u0306', '\u031b']);
const BASE_LETTER = /^[a-zđ]$/;
const WORD = /[\p{L}\p{M}]+/gu;

interface Letter {
  /** The letter with its quality mark but no tone, NFC, original case. */
  base: string;
  lower: string;
}

/**
 * Puts the tone mark of one syllable where official documents put it today: on the first vowel of an open
 * oa/oe/uy (hòa, khỏe, thủy, ủy), never on the u of "qu" or the i of "gi" + vowel (quý, già), on a
 * quality-marked vowel when there is one (người, quyết) and otherwise by the usual rules. Words that are not a
 * single Vietnamese syllable with exactly one tone are returned unchanged.
 */
export function placeToneMark(word: string): string {
  const letters: Letter[] = [];
  let tone: string | undefined;
  let toneCount = 0;
  for (const char of word.normalize('NFC')) {
    const [base = '', ...marks] = [...char.normalize('NFD')];
    let quality = '';
    for (const mark of marks) {
      if (TONE_MARKS.has(mark)) {
        tone = mark;
        toneCount++;
      } else if (QUALITY_MARKS.has(mark)) {
        quality += mark;
      } else {
        return word;
      }
    }
    if (!BASE_LETTER.test(base.toLowerCase())) return word;
    const letter = (base + quality).normalize('NFC');
    letters.push({ base: letter, lower: letter.toLowerCase() });
  }
  if (tone === undefined || toneCount !== 1) return word;

  const target = findTonePosition(letters.map((l) => l.lower));
  if (target === null) return word;
  return letters
    .map((l, i) => (i === target ? (l.base + tone).normalize('NFC') : l.base))
    .join('');
}

const placeToneMarkCached = memoizeWords(placeToneMark);

/** Applies {@link placeToneMark} to every word of a text, leaving everything between words untouched. */
export function normalizeToneMarks(text: string): string {
  return text.replace(WORD, placeToneMarkCached);
}

/** {@link normalizeToneMarks} for a text's words one by one (a word alone is looked up without a scan). */
export function normalizeWordToneMarks(word: string): string {
  return LETTERS_ONLY.test(word) ? placeToneMarkCached(word) : word.replace(WORD, placeToneMarkCached);
}

const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;

function findTonePosition(letters: readonly string[]): number | null {
  const split = splitSyllable(letters);
  if (split === null) return null;
  const { nucleusStart: start, nucleusEnd: end } = split;
  for (let i = end - 1; i >= start; i--) {
    if (MODIFIED_VOWELS.has(letters[i] ?? '')) return i; // ươ → ơ, uyê → ê
  }
  const length = end - start;
  if (length === 1) return start;
  if (end < letters.length) return end - 1; // closed syllable: hoàng, toán, huỳnh
  if (length === 3) return start + 1; // oai, oay, uyu: ngoài, khuỵu
  // Open two-vowel nucleus: the first vowel, including oa/oe/uy (hòa, khỏe, thủy) — the placement chosen here.
  return start;
}
