import { continueForm, startForm, type FormTurn } from '../../../../src/chat/forms/form-dialogue.js';
import { getForm } from '../../../../src/forms/index.js';
import { BENCH_TODAY, FORM_SCENARIOS } from '../../../../bench/forms/scenarios.js';

/** Plays messages through a fresh dialogue of a form (the ward's prefill of the bench), in the session's language. */
export function play(formId: string, messages: readonly string[], language: 'vi' | 'en' = 'vi'): FormTurn & { language: 'vi' | 'en' } {
  const form = getForm(formId);
  if (!form) throw new Error(`no form ${formId}`);
  const prefill = FORM_SCENARIOS.find((s) => s.formId === formId)?.prefill ?? {};
  let options = { language, today: BENCH_TODAY, retentionDays: 30 };
  let turn: FormTurn = startForm(form, options, prefill);
  for (const message of messages) {
    if (!turn.state) throw new Error(`the dialogue ended before “${message}”`);
    turn = continueForm(form, turn.state, message, options);
    if (turn.language) options = { ...options, language: turn.language };
  }
  return { ...turn, language: options.language };
}
