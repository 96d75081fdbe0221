import { ByteLruCache } from './lru-cache.js';
import { EMPTY_VOCABULARY, normalizeForSpeech, type SpeechVocabulary } from './normalize/index.js';
import type { Synthesizer } from './synth/worker-pool.js';
import type { Voice } from './synth/voices.js';

/** What the speech route calls: text in, WAV out. */
export interface SpeechService {
  /** WAV (RIFF, 16-bit PCM, mono) of the text said in the voice; cached by what is said and the voice. */
  speak(text: string, voice: Voice): Promise<Uint8Array>;
  /** The spoken form of a text (for tests, the bench and docs). */
  normalize(text: string): string;
  cacheSize(): { entries: number; bytes: number };
}

export interface SpeechServiceOptions {
  synthesizer: Synthesizer;
  /** Upper bound of the cache of synthesised audio, in bytes. */
  cacheBytes?: number;
  /** The knowledge base's vocabulary; a getter because it is rebuilt when the knowledge loads or is published. */
  getVocabulary?: () => SpeechVocabulary;
}

/**
 * Normalises, caches and synthesises. The cache key is the normalised text and the voice, so "50.000 đ" and
 * "50.000 đồng" share audio; concurrent requests for the same audio share one synthesis.
 */
export function createSpeechService({ synthesizer, cacheBytes = 64 * 1024 * 1024, getVocabulary = () => EMPTY_VOCABULARY }: SpeechServiceOptions): SpeechService {
  const cache = new ByteLruCache(cacheBytes);
  const pending = new Map<string, Promise<Uint8Array>>();
  const normalize = (text: string) => normalizeForSpeech(text, { vocabulary: getVocabulary() });

  return {
    normalize,
    cacheSize: () => cache.size(),
    async speak(text, voice) {
      const spoken = normalize(text);
      const key = `${voice}\n${spoken}`;
      const cached = cache.get(key);
      if (cached) return cached;
      let running = pending.get(key);
      if (!running) {
        running = synthesizer.synthesize(spoken, voice).finally(() => pending.delete(key));
        pending.set(key, running);
        const wav = await running;
        cache.set(key, wav);
        return wav;
      }
      return running;
    },
  };
}
