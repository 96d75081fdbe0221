import type { AnswerFrame, PublicForm } from '../shared/frames.js';
import { button, el } from '../shared/dom.js';
import { t, type Language } from './i18n.js';
import { openPrintView } from './print-view.js';

type FormDefinition = PublicForm;

let definitions: Promise<FormDefinition[]> | undefined;

/** The form definitions of `GET /api/forms`, fetched once per page. */
function loadForms(): Promise<FormDefinition[]> {
  definitions ??= fetch('/api/forms')
    .then((r) => r.json() as Promise<{ forms: FormDefinition[] }>)
    .then((b) => b.forms)
    .catch(() => {
      definitions = undefined;
      return [];
    });
  return definitions;
}

/** The live form beside the chat: every field of the form, filled in as the dialogue collects values. */
export async function updateFormView(frame: AnswerFrame, language: Language): Promise<void> {
  const view = document.getElementById('form-view')!;
  const title = document.getElementById('form-title')!;
  const fields = document.getElementById('form-fields')!;
  const dossier = document.getElementById('dossier')!;
  if (!frame.form) return;
  const form = (await loadForms()).find((f) => f.id === frame.form?.formId);
  if (frame.form.stage === 'cancelled') return clearFormView();
  view.hidden = false;
  view.dataset.stage = frame.form.stage;
  // Lets a test (or a screen reader script) know which turn the view shows.
  view.dataset.messageId = frame.messageId;
  title.textContent = !form ? frame.form.formId : form.title[language];
  fields.replaceChildren();
  const asking = new Set(frame.form.asking);
  const values = frame.form.values;
  const names = form ? form.fields.map((f) => f.name) : Object.keys(values);
  for (const name of names) {
    const def = form?.fields.find((f) => f.name === name);
    const row = el('div', `field${asking.has(name) ? ' asking' : ''}${values[name] ? ' filled' : ''}`);
    row.dataset.field = name;
    // The section says whose field it is ("Họ, chữ đệm, tên" of the child, the mother, ...).
    const label = def ? (def.group ? `${def.label[language]} (${def.group[language]})` : def.label[language]) : name;
    const raw = values[name];
    // Choices are stored as codes (can-cuoc-cong-dan); show their label.
    const shown = raw !== undefined ? (def?.options?.find((o) => o.value === raw)?.label[language] ?? showValue(raw)) : '';
    row.append(el('dt', '', label), el('dd', '', shown || t(language, 'empty')));
    fields.append(row);
  }
  if (frame.dossier) {
    const printUrl = frame.dossier.printUrl;
    dossier.hidden = false;
    dossier.replaceChildren(el('p', 'reference-label', t(language, 'reference')), el('p', 'reference', frame.dossier.reference));
    // The A4 view opens in the page at once; this button brings it back after "Quay lại".
    if (printUrl) dossier.append(button(t(language, 'showPrint'), () => openPrintView(printUrl, language), 'btn primary print'));
  }
}

/** Empties the form view (cancel, idle wipe, new citizen). */
export function clearFormView(): void {
  const view = document.getElementById('form-view')!;
  view.hidden = true;
  delete view.dataset.stage;
  delete view.dataset.messageId;
  document.getElementById('form-title')!.textContent = '';
  document.getElementById('form-fields')!.replaceChildren();
  const dossier = document.getElementById('dossier')!;
  dossier.hidden = true;
  dossier.replaceChildren();
}

/** Dates are stored ISO but always shown day-first (docs/decisions.md, "Dates, names and numbers"). */
function showValue(value: string | undefined): string {
  const iso = value?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : (value ?? '');
}
