import { unknownProcedureError } from '../../../shared/errors.js';
import type { Aspect } from '../../../understand/index.js';
import { composeAnswer } from '../../compose/index.js';
import type { DialogueState } from '../state.js';
import type { Turn, TurnContext } from './context.js';

/** Answers one aspect of one procedure from its entry, offering to pre-fill its form when there is one. */
export function answerEntry(ctx: TurnContext, entryId: string, aspect: Aspect, state: DialogueState): Turn {
  const doc = ctx.retrieval().getDocument(entryId);
  if (!doc) throw unknownProcedureError();
  const ward = ctx.ward();
  const composed = composeAnswer({ entry: doc.entry, folded: doc.folded, aspect, language: state.language, ...(ward ? { ward } : {}) });
  const form = ctx.forms?.forProcedure(doc.id);
  const offer = form
    ? state.language === 'en'
      ? `\n\nI can pre-fill the “${form.title.en}” for you to print. Would you like that?`
      : `\n\nTôi có thể giúp bạn điền sẵn “${form.title.vi}” để in mang đến quầy. Bạn có muốn không?`
    : '';
  return {
    frame: {
      kind: 'answer',
      text: composed.text + offer,
      citations: composed.citations,
      entryId: doc.id,
      followUps: composed.followUps,
      handover: composed.handover,
      ...(form ? { choices: [{ id: `form:start:${form.id}`, label: state.language === 'en' ? 'Pre-fill the form' : 'Điền sẵn tờ khai' }] } : {}),
    },
    state: { language: state.language, lastEntryId: doc.id, lastAspect: aspect, ...(form ? { offer: form.id } : {}) },
  };
}
