import { normalizeText, normalizeWords } from './normalize-text.js';

/** Normalizes a text and splits it into syllables and codes: "Đăng ký CT01!" → ["đăng", "ký", "ct01"]. */
export function tokenize(text: string): string[] {
  // One message is tokenized by several readers in a turn (its words, its language, its aspect): the last one is
  // remembered, and each reader gets its own copy.
  if (text !== last.text) {
    const normalized = normalizeText(text);
    last = { text, tokens: normalized === '' ? [] : normalized.split(' ') };
  }
  return last.tokens.slice();
}

let last: { text: string; tokens: string[] } = { text: '', tokens: [] };

/**
 * Tokens as tokenize() gives them, with whether a sentence or clause mark follows each: two words on either side of
 * a comma are not a phrase ("ở đâu, có phải" holds no "đâu có").
 */
export function tokenizeWithBreaks(text: string): { tokens: string[]; breakAfter: boolean[] } {
  const { words, breakAfter } = normalizeWords(text);
  return { tokens: words, breakAfter };
}
