export type {
  CrossFieldRule,
  DossierValidation,
  FieldDef,
  FieldOption,
  FieldType,
  FlatValues,
  FormDefinition,
  LocalizedText,
  RuleContext,
} from './types.js';
export { formsForProcedure, getForm, listForms } from './registry.js';
export { toPublicForm, type PublicField, type PublicForm } from './public.js';
export { validateDossier, validateFieldValue, type ValidateOptions } from './validate.js';
export type { FieldCheck } from './checks/field-value.js';
export { CT01_MAX_MEMBERS } from './definitions/ct01-thay-doi-cu-tru.js';
export * from './extract/index.js';
