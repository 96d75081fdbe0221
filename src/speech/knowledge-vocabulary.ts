import { isCatalogueEntry, type Entry } from '../knowledge/schema.js';
import { buildSpeechVocabulary, buildSpeechVocabularyInSlices, type SpeechVocabulary } from './normalize/index.js';

/**
 * Question phrases citizens type that the knowledge base itself rarely contains; without them "bao nhieu" would get
 * the marks of the knowledge base's "nhiều" (docs/speech.md).
 */
const CITIZEN_PHRASES = [
  'bao nhiêu', 'bao lâu', 'ở đâu', 'cần gì', 'cần những gì', 'thế nào', 'như thế nào', 'làm sao', 'khi nào', 'mất bao lâu',
  'được không', 'có được không', 'có phải', 'tôi muốn', 'cho tôi hỏi', 'làm gì', 'giấy tờ gì', 'mấy ngày', 'mấy giờ',
  'ở đâu vậy', 'bao nhiêu tiền', 'hết bao nhiêu', 'có mất phí không', 'nộp ở đâu', 'làm ở đâu', 'cho con', 'cho mẹ',
];

/**
 * The speech vocabulary of the knowledge in force: every field citizens are answered from for curated entries, the
 * titles and aliases of catalogue records (their long official texts would cost seconds and ~100 MB for little
 * gain), and the citizens' question phrases. Built in main.ts when the knowledge loads and after each publish.
 */
export function buildVocabularyFromEntries(entries: readonly Entry[]): SpeechVocabulary {
  return buildSpeechVocabulary(vocabularyTexts(entries));
}

/** The same in slices that let requests through in between (main.ts, right after the start). */
export function buildVocabularyFromEntriesInSlices(entries: readonly Entry[]): Promise<SpeechVocabulary> {
  return buildSpeechVocabularyInSlices(vocabularyTexts(entries));
}

function vocabularyTexts(entries: readonly Entry[]): Iterable<string> {
  function* texts(): Generator<string> {
    yield* CITIZEN_PHRASES;
    for (const entry of entries) {
      yield entry.title.vi;
      yield* entry.aliases.vi;
      if (isCatalogueEntry(entry)) continue;
      if (entry.summary) yield entry.summary.vi;
      yield* entry.steps;
      yield* entry.notes;
      for (const document of entry.documents) yield document.name;
    }
  }
  return texts();
}
