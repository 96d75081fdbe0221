import { foldDiacritics } from './fold.js';
import { normalizeText } from './normalize-text.js';

// One message is folded by several readers in a turn (actions, scope, aspect, yes/no, hand-over): the last few
// results are kept, so a 1,000-character story is folded once, not six times.
const RECENT = 4;
const recent: { text: string; folded: string }[] = [];

/** Normalised, lower-case, diacritic-free text for comparing what people type with or without marks. */
export function foldForMatch(text: string): string {
  for (const entry of recent) if (entry.text === text) return entry.folded;
  const folded = foldDiacritics(normalizeText(text)).trim();
  recent.unshift({ text, folded });
  if (recent.length > RECENT) recent.pop();
  return folded;
}
