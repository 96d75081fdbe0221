export { normalizeForSpeech, type NormalizeForSpeechOptions } from './normalize.js';
export { buildSpeechVocabulary, buildSpeechVocabularyInSlices, EMPTY_VOCABULARY, restoreToneMarks, type SpeechVocabulary } from './vocabulary.js';
export { readDigits, readInteger } from './read-number.js';
