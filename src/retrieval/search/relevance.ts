import type { SearchResult } from './retriever.js';

/**
 * A procedure is suggested (a big button in the chat, the pre-selected entry of an unanswered question in the
 * workbench) only when the question's words are found this much in its names and summary: an unrelated procedure is
 * never offered (docs/understanding.md).
 */
export const SUGGESTION_FLOOR = 0.34;

/** The results among the first `k` that pass {@link SUGGESTION_FLOOR}, best first. */
export function pickSuggestions(results: readonly SearchResult[], k = 3): SearchResult[] {
  return results.slice(0, k).filter((result) => (result.coverage ?? 0) >= SUGGESTION_FLOOR);
}
