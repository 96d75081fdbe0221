import type { AnswerFrame } from '../protocol.js';

/** One increment of the officials' dashboard counters (see UsageRepository in src/storage/types.ts). */
export interface UsageEvent {
  metric: string;
  key?: string;
}

/**
 * How a reply counts on the dashboard. `question`: the citizen asked something of the knowledge base (a typed
 * question, a follow-up, a tap on a suggested procedure). `resolution`: the reply settles a question already
 * counted (a pick among the choices of a clarifying question). Small talk and form dialogue are not counted.
 */
export type UsageCount = 'question' | 'resolution' | undefined;

/** The counters one reply moves: question, then answered (with the procedure cited) or declined. */
export function usageEventsOf(count: UsageCount, frame: Pick<AnswerFrame, 'kind' | 'entryId'>): UsageEvent[] {
  if (!count) return [];
  const events: UsageEvent[] = count === 'question' ? [{ metric: 'question' }] : [];
  if (frame.kind === 'answer') {
    events.push({ metric: 'answered' });
    if (frame.entryId) events.push({ metric: 'procedure', key: frame.entryId });
  } else if (frame.kind === 'fallback') {
    events.push({ metric: 'declined' });
  }
  return events;
}
