import { continueForm, reopenFields, startForm, type FormTurn } from '../../src/chat/forms/form-dialogue.js';
import type { FormState } from '../../src/chat/forms/form-state.js';
import { getForm, validateDossier } from '../../src/forms/index.js';
import { BENCH_TODAY, type FormScenario } from './scenarios.js';

/** One scenario played through the dialogue: the transcript, the answering turns used, and the saved values. */
export interface ScenarioRun {
  turns: number;
  transcript: { citizen?: string; assistant: string }[];
  saved?: Record<string, string>;
  /** Why the scenario did not end on a valid, confirmed dossier. */
  failure?: string;
}

/** Plays a scripted citizen against the dialogue, validating the dossier as the chat engine does on "đúng". */
export function runScenario(scenario: FormScenario, language: 'vi' | 'en' = 'vi'): ScenarioRun {
  const form = getForm(scenario.formId);
  if (!form) throw new Error(`no form ${scenario.formId}`);
  let options = { language, today: BENCH_TODAY, retentionDays: 30 };
  let turn: FormTurn = startForm(form, options, scenario.prefill);
  const transcript: ScenarioRun['transcript'] = [{ assistant: turn.text }];
  let turns = 0;
  for (const message of scenario.messages) {
    const state: FormState | undefined = turn.state;
    if (!state) return { turns, transcript, failure: 'the dialogue ended early' };
    turns += 1;
    turn = continueForm(form, state, message, options);
    if (turn.language) options = { ...options, language: turn.language };
    if (turn.submit && turn.state) {
      const validation = validateDossier(form, turn.submit, { today: BENCH_TODAY });
      if (validation.ok) {
        transcript.push({ citizen: message, assistant: '(saved)' });
        return { turns, transcript, saved: validation.values };
      }
      turn = reopenFields(form, turn.state, validation.errors, options);
    }
    transcript.push({ citizen: message, assistant: turn.text });
  }
  return { turns, transcript, failure: `not saved after the script (stage ${turn.state?.stage ?? 'ended'})` };
}
