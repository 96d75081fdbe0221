import { memoizeWords } from './memoize.js';
import { normalizeText } from './normalize-text.js';

// One message is tokenized by several readers in a turn (its words, its language, its aspect): remembered.
const normalizeMessage = memoizeWords(normalizeText, { maxEntries: 8, maxLength: Infinity });

/** Normalizes a text and splits it into syllables and codes: "Đăng ký CT01!" → ["đăng", "ký", "ct01"]. */
export function tokenize(text: string): string[] {
  const normalized = normalizeMessage(text);
  return normalized === '' ? [] : normalized.split(' ');
}
