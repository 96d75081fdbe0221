import type { Entry } from '../knowledge/schema.js';
import { buildSpeechVocabulary, type SpeechVocabulary } from './normalize/index.js';

/**
 * The speech vocabulary of the knowledge in force: titles, aliases, summaries, steps and document names of every
 * entry (the words answers are made of). Built in main.ts when the knowledge loads and again after a publish.
 */
export function buildVocabularyFromEntries(entries: readonly Entry[]): SpeechVocabulary {
  function* texts(): Generator<string> {
    for (const entry of entries) {
      yield entry.title.vi;
      yield* entry.aliases.vi;
      if (entry.summary) yield entry.summary.vi;
      yield* entry.steps;
      yield* entry.notes;
      for (const document of entry.documents) yield document.name;
    }
  }
  return buildSpeechVocabulary(texts());
}
