import { normalizeText } from './normalize-text.js';

/** Normalizes a text and splits it into syllables and codes: "Đăng ký CT01!" → ["đăng", "ký", "ct01"]. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}
