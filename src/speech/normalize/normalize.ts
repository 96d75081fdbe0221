import { normalizeToneMarks } from '../../text/index.js';
import { readNumbersAloud } from './numbers.js';
import { EMPTY_VOCABULARY, restoreToneMarks, type SpeechVocabulary } from './vocabulary.js';
import { readAbbreviationsAloud, readSymbolsAloud } from './words.js';

export interface NormalizeForSpeechOptions {
  /** The knowledge base's words, to put tone marks back on unmarked text; none restored without it. */
  vocabulary?: SpeechVocabulary;
}

/**
 * Rewrites Vietnamese text as it should be said, for a synthesiser that reads only words: numbers, money, dates,
 * times, phone numbers, national codes, abbreviations and units become words, unmarked words get their tone marks
 * back where the knowledge base settles them, and signs become pauses. Lower case; see docs/speech.md.
 */
export function normalizeForSpeech(text: string, { vocabulary = EMPTY_VOCABULARY }: NormalizeForSpeechOptions = {}): string {
  const marked = restoreToneMarks(normalizeToneMarks(text.normalize('NFC')), vocabulary);
  const spoken = readAbbreviationsAloud(readNumbersAloud(marked));
  return readSymbolsAloud(spoken).toLowerCase();
}
