import { formsForProcedure, getForm, validateDossier } from '../../forms/index.js';
import type { FormCatalog } from '../engine/chat-engine.js';

/** The shipped form definitions as the chat engine uses them. */
export function createFormCatalog(): FormCatalog {
  return {
    get: getForm,
    forProcedure: (entryId) => formsForProcedure(entryId)[0],
    validate: (form, values, today) => validateDossier(form, values, { today }),
  };
}
