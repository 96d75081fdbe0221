import { foldDiacritics } from './fold.js';
import { memoizeWords } from './memoize.js';
import { normalizeText } from './normalize-text.js';

/**
 * Normalised, lower-case, diacritic-free text for comparing what people type with or without marks. One message is
 * folded by several readers in a turn (actions, scope, aspect, yes/no, hand-over): the last few texts are kept, so a
 * 1,000-character story is folded once, not six times.
 */
export const foldForMatch = memoizeWords((text: string) => foldDiacritics(normalizeText(text)).trim(), { maxEntries: 8, maxLength: Infinity });
