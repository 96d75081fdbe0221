export { createSpeechService, type SpeechService, type SpeechServiceOptions } from './speech-service.js';
export { createEspeakSynthesizer, type EspeakSynthesizerOptions, type Synthesizer } from './synth/worker-pool.js';
export { VoiceSchema, type Voice } from './synth/voices.js';
export { buildSpeechVocabulary, EMPTY_VOCABULARY, normalizeForSpeech, type SpeechVocabulary } from './normalize/index.js';
