import { formatDate, fromIsoDate } from '../../forms/calendar.js';
import type { FieldDef, FormDefinition } from '../../forms/types.js';
import type { PendingConfirmation } from './form-state.js';
import { displayValue } from './interpret.js';
import type { Language } from '../../text/index.js';

/** The question for a value waiting for a yes: a two-digit year, a name's marks, the requester's reused details. */
export function composeConfirmation(form: FormDefinition, pending: PendingConfirmation, language: Language): string {
  const en = language === 'en';
  const field = pending.field ? form.fields.find((f) => f.name === pending.field) : undefined;
  const value = field ? pending.values[field.name] : undefined;
  switch (pending.kind) {
    case 'marks':
      return en ? `Written with Vietnamese diacritics, is it “${value}”? (If the name is right as you typed it, say “keep”.)` : `Viết có dấu là “${value}” phải không? (Nếu tên đúng như bạn gõ, nói “giữ nguyên”.)`;
    case 'two-digit-year': {
      const date = value ? fromIsoDate(value) : undefined;
      const shown = date ? formatDate(date) : value;
      const typed = pending.asWritten ? `“${pending.asWritten}” ` : '';
      return en ? `${titleOf(field, language)}: is ${typed}the date ${shown}?` : `${titleOf(field, language)}: ${typed}là ngày ${shown} phải không?`;
    }
    case 'reuse': {
      const group = form.fields.find((f) => f.name.startsWith(`${pending.field}.`))?.group?.[language] ?? '';
      const lines = Object.entries(pending.values).map(([name, v]) => {
        const f = fieldOf(form, name);
        return `- ${f.label[language]}: ${displayValue(f, v, language)}`;
      });
      return en
        ? `You are also the “${group}” on this form, so I can fill in that section with your details:\n${lines.join('\n')}\nIs that right?`
        : `Anh/chị cũng là “${group}” trên tờ khai, nên tôi điền phần này bằng thông tin của anh/chị:\n${lines.join('\n')}\nĐúng không?`;
    }
  }
}

/** The field of a form by name (a stand-in for a name the form no longer has). */
export function fieldOf(form: FormDefinition, name: string): FieldDef {
  return form.fields.find((f) => f.name === name) ?? { name, label: { vi: name, en: name }, type: 'text', required: false };
}

/** A field's label with its section, so that a message says whose field it is. */
export function titleOf(field: FieldDef | undefined, language: Language): string {
  if (!field) return '';
  return field.group ? `${field.label[language]} (${field.group[language].toLocaleLowerCase(language)})` : field.label[language];
}
