import { foldForMatch } from '../text/index.js';
import { SCOPE_ASKED_ONLY, SCOPE_EXCEPTIONS, SCOPE_TABLE, words } from './scope-table.js';
import type { ScopeTopic } from './types.js';

// One pattern per topic, court matters first.
const PATTERNS = (Object.entries(SCOPE_TABLE) as [ScopeTopic, readonly string[]][]).map(([topic, phrases]) => ({
  topic,
  pattern: words(...phrases),
}));

/**
 * The topic outside the ward's procedures that a message is about, if any (court matters first). For the story around
 * the asking part (`inStory`), the topics that count only when asked are left out.
 */
export function detectScope(text: string, { inStory = false, whole }: { inStory?: boolean; whole?: string } = {}): ScopeTopic | undefined {
  const folded = foldForMatch(text);
  const topic = PATTERNS.find(({ topic, pattern }) => !(inStory && SCOPE_ASKED_ONLY.has(topic)) && pattern.test(folded))?.topic;
  if (!topic) return undefined;
  // What makes the message a procedure after all (scope-table.ts, SCOPE_EXCEPTIONS); the story may tell the situation.
  const exception = SCOPE_EXCEPTIONS[topic];
  if (!exception) return topic;
  const story = whole === undefined ? folded : foldForMatch(whole);
  if (exception.always?.test(story)) return undefined;
  if (exception.refused?.test(story)) return topic;
  return exception.asked?.test(folded) || exception.story?.test(story) ? undefined : topic;
}
