import { normalizeToneMarks } from './tone-marks.js';

// Invisible format characters (joiners, soft hyphen, BOM) are dropped, not turned into spaces, because they usually
// sit inside a word copied from a web page; the zero-width space, though, separates words.
const ZERO_WIDTH_SPACE = /\u200b/g;
const FORMAT_CHARS = /\p{Cf}/gu;
const VARIATION_SELECTORS = /[\ufe00-\ufe0f]/g; // emoji presentation, left behind when the emoji goes
// A run of letters/digits, or several such runs joined by . / - _ (or a comma between digits), e.g. "1.001193",
// "53/2025/tt-bca", "tp.hcm", "hộ-khẩu". Everything between matches is punctuation, symbols, emoji or space.
// A run starts with a letter or digit, so stray combining marks (e.g. the emoji variation selector) are dropped.
const CHUNK = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[./\-_]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const JOINERS = /[./\-_,]/g;
const DIGIT = /\p{N}/u;

/**
 * NFC, lower case, one canonical tone-mark placement (hoà → hòa, thuỷ → thủy, qúy → quý), punctuation and emoji
 * to spaces, whitespace collapsed; diacritics are kept. Codes with a digit ("ct01", "1.001193") stay whole.
 */
export function normalizeText(text: string): string {
  const lowered = text
    .normalize('NFC')
    .replace(ZERO_WIDTH_SPACE, ' ')
    .replace(FORMAT_CHARS, '')
    .replace(VARIATION_SELECTORS, '')
    .toLowerCase()
    .replace(/ð/g, 'đ'); // the Icelandic eth, sometimes typed for đ
  const words: string[] = [];
  for (const [chunk] of lowered.matchAll(CHUNK)) {
    // Joined runs are kept as one code only when they contain a digit: "tp.hcm" → "tp hcm", "ct-01" stays.
    words.push(DIGIT.test(chunk) ? chunk : chunk.replace(JOINERS, ' '));
  }
  return normalizeToneMarks(words.join(' '));
}
