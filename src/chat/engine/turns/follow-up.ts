import { isStopword } from '../../../text/index.js';
import { removeAspectPhrases, type Question } from '../../../understand/index.js';
import type { DialogueState } from '../state.js';

// Words that only carry a follow-up ("còn … thì sao?", "what about …") and name nothing.
const FOLLOW_UP_WORDS = new Set(['con', 'thi', 'sao', 'the', 'nao', 'vay', 'nua', 'them', 'a', 'mat', 'het', 'ton', 'cho', 'hoi', 'toi', 'em', 'minh', 'nhe', 'oi', 'ca', 'luon', 'and', 'what', 'about', 'also', 'then', 'how', 'is', 'it', 'for', 'this', 'that', 'do', 'i', 'need']);

/**
 * A follow-up asks another aspect of the procedure just answered without naming anything new: "còn lệ phí thì
 * sao?", "mất bao lâu?", "nộp ở đâu?". A message with words of its own ("vé xe buýt bao nhiêu tiền", "thời tiết
 * ngày mai thế nào") is a new question, even when it asks a fee or a time (docs/understanding.md).
 */
export function isFollowUp(question: Question, state: DialogueState, topId: string | undefined): boolean {
  if (!state.lastEntryId || question.aspect === 'general' || question.scope) return false;
  if (topId === state.lastEntryId) return true;
  return topicWords(question.text).length === 0;
}

/** The message's own words once aspect phrases, filler and follow-up words are taken out. */
export function topicWords(text: string): string[] {
  return removeAspectPhrases(text).filter((w) => !isStopword(w) && !FOLLOW_UP_WORDS.has(w));
}
