import { foldDiacritics } from './fold.js';
import { normalizeText } from './normalize-text.js';

/** Normalised, lower-case, diacritic-free text for comparing what people type with or without marks. */
export function foldForMatch(text: string): string {
  return foldDiacritics(normalizeText(text)).trim();
}
