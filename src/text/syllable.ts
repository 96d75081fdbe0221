/** Plain and modified vowel letters (lower case, without tone marks). */
export const VOWELS: ReadonlySet<string> = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/** Vowels carrying a quality mark (breve, circumflex, horn): they take the tone whenever present. */
export const MODIFIED_VOWELS: ReadonlySet<string> = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

// Folded spellings, used only to judge whether an unmarked word is shaped like a Vietnamese syllable.
const ONSETS: ReadonlySet<string> = new Set([
  '', 'b', 'c', 'ch', 'd', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);
const NUCLEI: ReadonlySet<string> = new Set([
  'a', 'e', 'i', 'o', 'u', 'y',
  'ai', 'ao', 'au', 'ay', 'eo', 'eu', 'ia', 'ie', 'iu', 'oa', 'oe', 'oi', 'oo', 'ua', 'ue', 'ui', 'uo', 'uu', 'uy',
  'ye',
  'ieu', 'oai', 'oay', 'oao', 'oeo', 'uay', 'uoi', 'uou', 'uya', 'uye', 'uyu', 'yeu',
]);
const CODAS: ReadonlySet<string> = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Where the onset ends and the vowel nucleus ends inside a syllable; the rest is the final consonant. */
export interface SyllableSplit {
  nucleusStart: number;
  nucleusEnd: number;
}

/**
 * Splits a syllable given as lower-case letters without tone marks (one array item per letter).
 * Returns null when the letters cannot be one syllable (no vowel, a vowel after the final consonant, > 3 vowels).
 */
export function splitSyllable(letters: readonly string[]): SyllableSplit | null {
  let start = 0;
  while (start < letters.length && !VOWELS.has(letters[start] ?? '')) start++;
  if (start === letters.length) return null;

  const onset = letters.slice(0, start).join('');
  const next = letters[start + 1];
  const followedByVowel = next !== undefined && VOWELS.has(next);
  // In "qu" the u belongs to the onset (quý, quà); in "gi" + vowel the i does (già, giúp), but not in "gì", "gìn".
  if (followedByVowel && ((onset === 'q' && letters[start] === 'u') || (onset === 'g' && letters[start] === 'i'))) {
    start++;
  }

  let end = start;
  while (end < letters.length && VOWELS.has(letters[end] ?? '')) end++;
  if (end - start > 3) return null;
  for (let i = end; i < letters.length; i++) {
    if (VOWELS.has(letters[i] ?? '')) return null;
  }
  return { nucleusStart: start, nucleusEnd: end };
}

/** True when a folded (diacritic-free) lower-case word has the shape of one Vietnamese syllable, e.g. "nghieng". */
export function isVietnameseSyllableShape(folded: string): boolean {
  const letters = [...folded];
  const split = splitSyllable(letters);
  if (split === null) return false;
  const onset = letters.slice(0, split.nucleusStart).join('');
  const nucleus = letters.slice(split.nucleusStart, split.nucleusEnd).join('');
  const coda = letters.slice(split.nucleusEnd).join('');
  return ONSETS.has(onset) && NUCLEI.has(nucleus) && CODAS.has(coda);
}
