import type { FieldError } from '../shared/errors.js';
import { fromIsoDate, wardToday } from './calendar.js';
import { checkFieldValue, isBlank, type FieldCheck } from './checks/field-value.js';
import { flattenValues } from './checks/flatten.js';
import { fieldTitles } from './checks/titles.js';
import { dateInWords } from './extract/date-words.js';
import type { DossierValidation, FieldDef, FormDefinition, RuleContext } from './types.js';

export interface ValidateOptions {
  /** The current instant (tests inject it); "today" is its day in Asia/Ho_Chi_Minh. */
  today?: Date;
}

/**
 * Validates a dossier's values against its form. `values` may be flat (`{"ben_nu.ho_ten": ...}`), nested
 * (`{ben_nu: {ho_ten}}`, `{thanh_vien: [{...}]}`) or both. On success the values come back flat and normalised
 * (names capitalised, ISO dates, bare digits, option codes; blank optional fields left out; derived fields filled).
 * On failure every problem is listed with its dot path and a Vietnamese message, unknown fields included.
 */
export function validateDossier(
  form: FormDefinition,
  values: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {},
): DossierValidation {
  const today = wardToday(options.today);
  const titles = fieldTitles(form);
  const flat = flattenValues(values);
  const errors: FieldError[] = [...flat.errors];
  const known = new Set(form.fields.map((field) => field.name));
  for (const name of flat.values.keys()) {
    if (!known.has(name)) errors.push({ field: name, message: `Tờ khai này không có trường "${name}".` });
  }

  const normalised: Record<string, string> = {};
  const provided = new Set<string>();
  for (const field of form.fields) {
    if (field.derived) continue;
    const raw = flat.values.get(field.name);
    const title = titles.get(field.name) ?? field.label.vi;
    if (isBlank(raw)) {
      if (field.required) errors.push({ field: field.name, message: `${title} không được để trống.` });
      continue;
    }
    provided.add(field.name);
    const result = checkFieldValue(field, raw, title, today);
    if (result.ok) normalised[field.name] = result.value;
    else errors.push({ field: field.name, message: result.message });
  }
  fillDerived(form.fields, normalised);

  const context: RuleContext = {
    today,
    form,
    provided,
    titleOf: (name) => titles.get(name) ?? name,
  };
  for (const rule of form.rules) errors.push(...rule.check(normalised, context));

  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: normalised };
}

/**
 * Checks one answer in the chat dialogue before it is stored: the same rules and messages as the dossier, for a
 * single field. Cross-field rules wait for the whole dossier.
 */
export function validateFieldValue(
  form: FormDefinition,
  name: string,
  raw: unknown,
  options: ValidateOptions = {},
): FieldCheck {
  const field = form.fields.find((candidate) => candidate.name === name);
  if (!field || field.derived) return { ok: false, message: `Tờ khai này không có trường "${name}".` };
  const title = fieldTitles(form).get(name) ?? field.label.vi;
  if (isBlank(raw)) {
    // An empty value means "skipped" for an optional field.
    return field.required ? { ok: false, message: `${title} không được để trống.` } : { ok: true, value: '' };
  }
  return checkFieldValue(field, raw, title, wardToday(options.today));
}

// Derived values are recomputed, never taken from the input, so the printed words always match the digits.
function fillDerived(fields: readonly FieldDef[], values: Record<string, string>): void {
  for (const field of fields) {
    if (!field.derived) continue;
    const source = values[field.derived.from];
    const date = source === undefined ? undefined : fromIsoDate(source);
    if (date) values[field.name] = dateInWords(date);
  }
}
