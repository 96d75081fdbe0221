import { pickSuggestions } from '../../../retrieval/search/relevance.js';
import type { SearchResponse } from '../../../retrieval/search/retriever.js';
import { askingText, detectAspectBesides, type Question } from '../../../understand/index.js';
import { composeChoices, composeFallback } from '../../compose/index.js';
import type { DialogueState } from '../state.js';
import { answerEntry } from './answer-entry.js';
import type { Turn, TurnContext } from './context.js';
import { isFollowUp } from './follow-up.js';
import { composeReferral } from './referral.js';
import { matchSituation, situationTurn } from './situation.js';

// Two entries whose lexical scores are this close are equally likely: ask which one is meant.
const CLARIFY_MARGIN = 0.95;
const LOW_CONFIDENCE_COVERAGE = 0.6;
// A question that holds this much of a procedure's name asks for that procedure, whatever moment of life it tells.
const NAMES_A_PROCEDURE = 0.75;
// The floor is shared with the gaps inbox, which pre-selects an entry only above it.
export { SUGGESTION_FLOOR } from '../../../retrieval/search/relevance.js';

/** Answers a message that asks something new: a procedure, a moment of life, a topic that is not the ward's. */
export async function answerQuestion(ctx: TurnContext, question: Question, state: DialogueState, clarify: boolean): Promise<Turn> {
  const response = await ctx.retrieval().search(question, 5);
  const top = response.results[0];
  // The asked aspect is never read from the procedure's own name ("Quy trình …", "… giấy tờ …"): docs/facts.md.
  if (top) question = { ...question, aspect: aspectBesides(question, top.title) };
  if (isFollowUp(question, state, top?.id) && state.lastEntryId) return { ...answerEntry(ctx, state.lastEntryId, question.aspect, state), count: 'question' };

  if (response.scope) {
    await ctx.recordGap(question, state.language, response, 'out-of-scope');
    return {
      frame: { kind: 'fallback', text: composeReferral(response.scope, state.language), citations: [], handover: true },
      state: { ...withoutOffers(state), awaiting: 'handover' },
      count: 'question',
    };
  }

  const situation = matchSituation(ctx.situations(), question);
  if (situation && (!response.answerable || response.evidence.nameMatch < NAMES_A_PROCEDURE)) {
    const turn = situationTurn(ctx, situation, state);
    if (turn) return turn;
  }

  if (!response.answerable || !top) return fallback(ctx, question, state, response);

  const second = response.results[1];
  if (clarify && second && (response.evidence.margin ?? 0) >= CLARIFY_MARGIN) {
    const entries = ctx.entriesOf(response.results.slice(0, 3).filter((r) => r.score >= top.score * 0.9).map((r) => r.id));
    if (entries.length >= 2) {
      const composed = composeChoices(entries, state.language);
      return {
        frame: { kind: 'clarify', text: composed.text, citations: [], choices: composed.choices, handover: false },
        state: { ...state, pending: { choices: composed.choices, aspect: question.aspect, source: 'clarify' } },
        count: 'question',
      };
    }
  }
  if (response.evidence.coverage < LOW_CONFIDENCE_COVERAGE) await ctx.recordGap(question, state.language, response, 'low-confidence');
  return { ...answerEntry(ctx, top.id, question.aspect, state), count: 'question' };
}

/** The aspect asked, the procedure's own name aside: in the asking part first, then anywhere. */
function aspectBesides(question: Question, name: string) {
  const asking = askingText(question.clauses);
  const inAsking = detectAspectBesides(asking, [name]);
  return inAsking === 'general' ? detectAspectBesides(question.text, [name]) : inAsking;
}

/** Not sure: say so, offer only procedures that pass the relevance floor, and an official. */
async function fallback(ctx: TurnContext, question: Question, state: DialogueState, response: SearchResponse): Promise<Turn> {
  const relevant = pickSuggestions(response.results);
  const reason = relevant.length > 0 ? 'unsure' : 'out-of-scope';
  await ctx.recordGap(question, state.language, response, response.evidence.coverage > 0.2 ? 'unanswered' : 'out-of-scope');
  const composed = composeFallback({ suggestions: ctx.entriesOf(relevant.map((r) => r.id)), language: state.language, reason });
  return {
    frame: { kind: 'fallback', text: composed.text, citations: [], choices: composed.suggestions, handover: true },
    state: { ...withoutOffers(state), pending: { choices: composed.suggestions, aspect: question.aspect, source: 'fallback' }, awaiting: 'handover' },
    count: 'question',
  };
}

/**
 * A declined question leaves the procedure last answered as the topic ("còn lệ phí?" after a detour still means
 * it), but not the form offer or the choices of an earlier reply.
 */
function withoutOffers(state: DialogueState): DialogueState {
  const { offer: _offer, pending: _pending, ...rest } = state;
  return rest;
}
