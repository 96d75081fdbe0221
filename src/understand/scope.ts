import { foldForMatch } from '../text/index.js';
import { SCOPE_EXCEPTIONS, SCOPE_TABLE } from './scope-table.js';
import type { ScopeTopic } from './types.js';

// One pattern per topic, court matters first.
const PATTERNS = (Object.entries(SCOPE_TABLE) as [ScopeTopic, readonly string[]][]).map(([topic, phrases]) => ({
  topic,
  pattern: new RegExp(`(?:^| )(?:${phrases.join('|')})(?= |$)`),
}));

/** The topic outside the ward's procedures that a message is about, if any (court matters first). */
export function detectScope(text: string): ScopeTopic | undefined {
  const folded = foldForMatch(text);
  const topic = PATTERNS.find(({ pattern }) => pattern.test(folded))?.topic;
  return topic && SCOPE_EXCEPTIONS[topic]?.test(folded) ? undefined : topic;
}
