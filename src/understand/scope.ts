import { foldForMatch } from '../text/index.js';
import { SCOPE_ASKED_ONLY, SCOPE_EXCEPTIONS, SCOPE_TABLE } from './scope-table.js';
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
  // A court matter's exceptions describe the situation (heirs who agree, a land dispute the ward mediates), which the
  // story may tell; the other topics' exceptions are a paper named in what is asked.
  const context = topic === 'court' && whole !== undefined ? foldForMatch(whole) : folded;
  return SCOPE_EXCEPTIONS[topic]?.test(context) ? undefined : topic;
}
