import { continueForm, reopenFields, startForm, type FormTurn } from '../../forms/form-dialogue.js';
import type { FormDefinition } from '../../../forms/types.js';
import { wardDayOf } from '../../../shared/ward-time.js';
import type { Language } from '../../../text/index.js';
import { composeDossierNotSaved } from '../notices.js';
import type { DialogueState } from '../state.js';
import type { Reply, Turn, TurnContext } from './context.js';

/** Starts pre-filling a form: the consent notice first, with what the ward already knows filled in. */
export function startFormTurn(ctx: TurnContext, form: FormDefinition, state: DialogueState): Turn {
  const turn = startForm(form, formOptions(ctx, state.language), prefill(ctx));
  const { offer: _offer, pending: _pending, awaiting: _awaiting, ...rest } = state;
  return { frame: formReply(form, turn), state: { ...rest, form: turn.state } };
}

/** One answer inside the pre-filling dialogue; a confirmed, valid form asks the engine to store the dossier. */
export function continueFormTurn(ctx: TurnContext, form: FormDefinition, state: DialogueState, text: string): Turn {
  const options = formOptions(ctx, state.language);
  let turn = continueForm(form, state.form!, text, options);
  if (turn.submit && turn.state) {
    const validation = ctx.forms!.validate(form, turn.submit, ctx.now());
    if (!validation.ok) turn = reopenFields(form, turn.state, validation.errors, options);
    else {
      // Said only if the dossier cannot be stored: the summary stays, and "Thử lưu lại" submits it again.
      const retry = state.language === 'en' ? 'Try again' : 'Thử lưu lại';
      return {
        frame: {
          kind: 'form',
          text: composeDossierNotSaved(state.language),
          citations: [],
          handover: false,
          choices: [{ id: 'form:yes', label: retry }],
          form: { formId: form.id, stage: turn.state.stage, values: turn.state.values, asking: [] },
        },
        state: { ...state, form: turn.state },
        save: { form, values: validation.values, state: { language: state.language, ...(state.lastEntryId ? { lastEntryId: state.lastEntryId } : {}) } },
      };
    }
  }
  const { form: _previous, ...rest } = state;
  return { frame: formReply(form, turn), state: { ...rest, ...(turn.state ? { form: turn.state } : {}) } };
}

function formReply(form: FormDefinition, turn: FormTurn): Reply {
  return {
    kind: 'form',
    text: turn.text,
    citations: [],
    handover: false,
    ...(turn.choices ? { choices: turn.choices } : {}),
    ...(turn.state ? { form: { formId: form.id, stage: turn.state.stage, values: turn.state.values, asking: turn.state.asking } } : {}),
  };
}

/** What the ward already knows: the addressee (only from real settings, never the example) and today's date. */
function prefill(ctx: TurnContext): Record<string, string> {
  const ward = ctx.ward();
  const today = wardDayOf(ctx.now());
  return { ngay_khai: today, ...(ward && !ward.example ? { kinh_gui: `Ủy ban nhân dân ${ward.wardName}`, noi_khai: ward.wardName } : {}) };
}

function formOptions(ctx: TurnContext, language: Language) {
  return { language, today: ctx.now(), retentionDays: ctx.retentionDays };
}
