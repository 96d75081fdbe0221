/**
 * English plurals to their singular, so that "copies", "documents", "fees" meet "copy", "document", "fee" in the
 * knowledge base's English names. Safe on Vietnamese: no Vietnamese syllable ends in "s", so only English words (and
 * foreign names) change. A light rule, not a stemmer: verbs and irregular plurals are left as they are.
 */
const KEEP: ReadonlySet<string> = new Set([
  'does', 'always', 'news', 'series', 'means', 'perhaps', 'sometimes', 'towards', 'afterwards', 'whereas', 'unless',
  'yes', 'whose', 'across', 'besides', 'species', 'thanks',
]);

export function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || KEEP.has(word) || /(?:ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
