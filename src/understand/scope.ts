import { foldForMatch } from '../text/index.js';
import { COURT_SITUATIONS, SCOPE_ASKED_ONLY, SCOPE_EXCEPTIONS, SCOPE_TABLE } from './scope-table.js';
import type { ScopeTopic } from './types.js';

// One pattern per topic, court matters first.
const PATTERNS = (Object.entries(SCOPE_TABLE) as [ScopeTopic, readonly string[]][]).map(([topic, phrases]) => ({
  topic,
  pattern: new RegExp(`(?:^| )(?:${phrases.join('|')})(?= |$)`),
}));

/**
 * The topic outside the ward's procedures that a message is about, if any (court matters first). For the story around
 * the asking part (`inStory`), the topics that count only when asked are left out.
 */
export function detectScope(text: string, { inStory = false, whole }: { inStory?: boolean; whole?: string } = {}): ScopeTopic | undefined {
  const folded = foldForMatch(text);
  const topic = PATTERNS.find(({ topic, pattern }) => !(inStory && SCOPE_ASKED_ONLY.has(topic)) && pattern.test(folded))?.topic;
  if (!topic) return undefined;
  if (topic !== 'court') return SCOPE_EXCEPTIONS[topic]?.test(folded) ? undefined : topic;
  // A court matter's situation, which the story may tell, can make it a procedure — unless someone refuses or a
  // mediation failed (scope-table.ts, COURT_SITUATIONS).
  const story = whole === undefined ? folded : foldForMatch(whole);
  if (COURT_SITUATIONS.always.test(story)) return undefined;
  if (COURT_SITUATIONS.refused.test(story)) return topic;
  return SCOPE_EXCEPTIONS.court?.test(folded) || COURT_SITUATIONS.unlessRefused.test(story) ? undefined : topic;
}
