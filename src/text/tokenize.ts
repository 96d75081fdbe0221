import { normalizeText } from './normalize-text.js';

/** Normalizes a text and splits it into syllables and codes: "Đăng ký CT01!" → ["đăng", "ký", "ct01"]. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

// Where a sentence or clause ends: a comma (not one between digits, "1,5"), a full stop followed by a space (not the
// dot inside "1.001193" or "tp.hcm"), other sentence marks, brackets, quotes and line breaks.
const SEGMENT_BREAK = /[;!?…\n\r()[\]"“”]+|[.:](?=\s|$)|(?<!\p{N}),|,(?!\p{N})/u;

/**
 * Tokens as tokenize() gives them, with whether a sentence or clause mark follows each: two words on either side of
 * a comma are not a phrase ("ở đâu, có phải" holds no "đâu có").
 */
export function tokenizeWithBreaks(text: string): { tokens: string[]; breakAfter: boolean[] } {
  const tokens: string[] = [];
  const breakAfter: boolean[] = [];
  for (const segment of text.split(SEGMENT_BREAK)) {
    const words = tokenize(segment);
    if (words.length === 0) continue;
    tokens.push(...words);
    breakAfter.push(...words.map((_, i) => i === words.length - 1));
  }
  return { tokens, breakAfter };
}
