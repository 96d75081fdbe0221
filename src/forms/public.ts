import type { FieldDef, FormDefinition, FieldOption, LocalizedText } from './types.js';

/** One field as `GET /api/forms` shows it: the contract's `name`, `label`, `type`, `required`, plus helpers. */
export interface PublicField {
  name: string;
  label: LocalizedText;
  type: FieldDef['type'];
  required: boolean;
  options?: { value: string; label: LocalizedText }[];
  allowOldCmnd?: boolean;
  ask?: LocalizedText;
  group?: LocalizedText;
  min?: number;
  max?: number;
  derived?: FieldDef['derived'];
}

export interface PublicForm {
  id: string;
  title: LocalizedText;
  procedureIds: string[];
  legalBasis: string;
  fields: PublicField[];
  rules: { id: string; description: LocalizedText }[];
}

/** The JSON shape of a form for `GET /api/forms` (docs/protocol.md, "Forms and dossiers over HTTP"): data only, no rule functions. */
export function toPublicForm(form: FormDefinition): PublicForm {
  return {
    id: form.id,
    title: { ...form.title },
    procedureIds: [...form.procedureIds],
    legalBasis: form.legalBasis,
    fields: form.fields.map(toPublicField),
    rules: form.rules.map((rule) => ({ id: rule.id, description: { ...rule.description } })),
  };
}

function toPublicField(field: FieldDef): PublicField {
  return {
    name: field.name,
    label: { ...field.label },
    type: field.type,
    required: field.required,
    ...(field.options ? { options: field.options.map(toPublicOption) } : {}),
    ...(field.allowOldCmnd ? { allowOldCmnd: true } : {}),
    ...(field.ask ? { ask: { ...field.ask } } : {}),
    ...(field.group ? { group: { ...field.group } } : {}),
    ...(field.min !== undefined ? { min: field.min } : {}),
    ...(field.max !== undefined ? { max: field.max } : {}),
    ...(field.derived ? { derived: { ...field.derived } } : {}),
  };
}

// Aliases are matching hints for the validator, not labels: they stay server-side.
function toPublicOption(option: FieldOption): { value: string; label: LocalizedText } {
  return { value: option.value, label: { ...option.label } };
}
