import { foldForMatch } from '../../../text/index.js';
import { askingText, type Question } from '../../../understand/index.js';
import type { DialogueState } from '../state.js';
import type { LifeSituation, Turn, TurnContext } from './context.js';

const compiled = new WeakMap<LifeSituation, { pattern: RegExp; length: number }[]>();

/**
 * The moment of life a message speaks of ("tôi mới chuyển đến phường này", "vợ tôi mới sinh"), if any: found in the
 * asking part first (a story may mention someone else's moment), and the longest trigger wins over a shorter one.
 */
export function matchSituation(situations: readonly LifeSituation[], question: Question): LifeSituation | undefined {
  const asking = askingText(question.clauses);
  return bestMatch(situations, foldForMatch(asking)) ?? bestMatch(situations, foldForMatch(question.text));
}

function bestMatch(situations: readonly LifeSituation[], folded: string): LifeSituation | undefined {
  let best: { situation: LifeSituation; length: number } | undefined;
  for (const situation of situations) {
    for (const { pattern, length } of patternsOf(situation)) {
      if (length > (best?.length ?? 0) && pattern.test(folded)) best = { situation, length };
    }
  }
  return best?.situation;
}

function patternsOf(situation: LifeSituation): { pattern: RegExp; length: number }[] {
  let patterns = compiled.get(situation);
  if (!patterns) {
    const phrases = [...situation.triggers.vi, ...situation.triggers.en].map((t) => foldForMatch(t)).filter(Boolean);
    patterns = phrases.map((phrase) => ({ pattern: new RegExp(`(?:^| )${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= |$)`), length: phrase.length }));
    compiled.set(situation, patterns);
  }
  return patterns;
}

/** A short checklist of the procedures a moment of life usually needs, each one tap away. */
export function situationTurn(ctx: TurnContext, situation: LifeSituation, state: DialogueState): Turn | undefined {
  const language = state.language;
  const items = situation.procedures.flatMap((procedure) => {
    const doc = ctx.retrieval().getDocument(procedure.id);
    if (!doc) return [];
    const title = language === 'en' && doc.entry.title.en ? doc.entry.title.en : doc.entry.title.vi;
    return [{ id: doc.id, label: title, when: procedure.when?.[language] }];
  });
  const unique = items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i);
  if (unique.length === 0) return undefined;
  const lines = [situation.intro[language], ...unique.map((item, i) => `${i + 1}. ${item.label}${item.when ? ` — ${item.when}` : ''}`)];
  lines.push(language === 'en' ? 'Choose one to see its papers, fee and time.' : 'Bạn chọn một thủ tục để xem giấy tờ, lệ phí và thời gian nhé.');
  const choices = unique.map(({ id, label }) => ({ id, label }));
  return {
    frame: { kind: 'clarify', text: lines.join('\n'), citations: [], choices, handover: false },
    state: { ...state, pending: { choices, aspect: 'general', source: 'situation' } },
    count: 'question',
  };
}
