import { normalizeText, normalizeWords } from './normalize-text.js';

/** Normalizes a text and splits it into syllables and codes: "Đăng ký CT01!" → ["đăng", "ký", "ct01"]. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Tokens as tokenize() gives them, with whether a sentence or clause mark follows each: two words on either side of
 * a comma are not a phrase ("ở đâu, có phải" holds no "đâu có").
 */
export function tokenizeWithBreaks(text: string): { tokens: string[]; breakAfter: boolean[] } {
  const { words, breakAfter } = normalizeWords(text);
  return { tokens: words, breakAfter };
}
