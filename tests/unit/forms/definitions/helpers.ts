import { getForm, validateDossier, type FormDefinition } from '../../../../src/forms/index.js';
import type { FieldError } from '../../../../src/shared/errors.js';
import { TODAY } from '../fixtures.js';

/** The registered form with this id (throws in a test if it is missing). */
export function formById(id: string): FormDefinition {
  const form = getForm(id);
  if (!form) throw new Error(`no form ${id}`);
  return form;
}

/** Errors of a validation at the tests' today; empty when valid. */
export function errorsFor(form: FormDefinition, values: Record<string, unknown>, today: Date = TODAY): FieldError[] {
  const result = validateDossier(form, values, { today });
  return result.ok ? [] : result.errors;
}

/** Normalised values of a validation that must pass. */
export function valuesFor(form: FormDefinition, values: Record<string, unknown>, today: Date = TODAY): Record<string, string> {
  const result = validateDossier(form, values, { today });
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.values;
}
