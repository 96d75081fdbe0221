import { normalizeWordToneMarks } from './tone-marks.js';

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
  return normalizeWords(text).words.join(' ');
}

function lower(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH_SPACE, ' ')
    .replace(FORMAT_CHARS, '')
    .replace(VARIATION_SELECTORS, '')
    .toLowerCase()
    .replace(/ð/g, 'đ'); // the Icelandic eth, sometimes typed for đ
}

// Joined runs are kept as one code only when they contain a digit: "tp.hcm" → "tp hcm", "ct-01" stays.
function wordsOf(chunk: string): string {
  return DIGIT.test(chunk) ? chunk : chunk.replace(JOINERS, ' ');
}

// Between two words, what ends a sentence or a clause: a comma (one between digits, "1,5", is inside a word), a full
// stop or colon followed by a space (not the dot inside "1.001193" or "tp.hcm"), other sentence marks, brackets,
// quotes and line breaks.
const CLAUSE_MARK = /[,;!?…\n\r()[\]"“”]|[.:](?=\s)/;

/**
 * normalizeText() as words, with whether a sentence or clause mark follows each (the last word always ends one): two
 * words on either side of a comma are no phrase ("ở đâu, có phải" holds no "đâu có").
 */
export function normalizeWords(text: string): { words: string[]; breakAfter: boolean[] } {
  const lowered = lower(text);
  const runs: string[] = [];
  const breakAfter: boolean[] = [];
  let lastEnd = -1;
  for (const match of lowered.matchAll(CHUNK)) {
    const chunk = match[0];
    const start = match.index ?? 0;
    // One space between two words is the common case: no mark to look for.
    if (breakAfter.length > 0 && !(start === lastEnd + 1 && lowered.charCodeAt(lastEnd) === 32) && CLAUSE_MARK.test(lowered.slice(lastEnd, start))) {
      breakAfter[breakAfter.length - 1] = true;
    }
    const words = wordsOf(chunk);
    if (words === chunk) {
      runs.push(chunk);
      breakAfter.push(false);
    } else {
      for (const word of words.split(' ').filter(Boolean)) {
        runs.push(word);
        breakAfter.push(false);
      }
    }
    lastEnd = start + chunk.length;
  }
  if (breakAfter.length > 0) breakAfter[breakAfter.length - 1] = true;
  return { words: runs.map(normalizeWordToneMarks), breakAfter };
}
