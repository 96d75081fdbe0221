/**
 * English plurals to their singular, so that "copies", "documents", "fees" meet "copy", "document", "fee" in the
 * knowledge base's English names. Safe on Vietnamese: no Vietnamese syllable ends in "s", so only English words (and
 * foreign names) change. A light rule, not a stemmer: verbs and irregular plurals are left as they are, and the same
 * rule runs on documents and questions, so an odd stem ("goes" → "goe") still meets itself. English word lists
 * compared with analysed terms (CONTEXT_TERMS) are written singular.
 */
const KEEP: ReadonlySet<string> = new Set([
  'does', 'always', 'news', 'series', 'means', 'perhaps', 'sometimes', 'towards', 'afterwards', 'whereas', 'unless',
  'yes', 'whose', 'across', 'besides', 'species', 'thanks', 'overseas', 'laos', 'texas', 'lens',
]);

export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || KEEP.has(word) || /(?:ss|us|is)$/.test(word)) return word;
  // "movies", "cookies" keep their "ie"; "copies", "families", "cities" end in "y".
  if (/(?:v|k|g)ies$/.test(word)) return word.slice(0, -1);
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zes|uses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
