import type { FormDefinition } from '../types.js';

const cache = new WeakMap<FormDefinition, Map<string, string>>();

/**
 * How each field is named in messages: its label, qualified by its group when several fields share the label
 * ("Ngày, tháng, năm sinh (bên nữ)"), so a message read out of context still says which person it is about.
 */
export function fieldTitles(form: FormDefinition): ReadonlyMap<string, string> {
  const cached = cache.get(form);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const field of form.fields) counts.set(field.label.vi, (counts.get(field.label.vi) ?? 0) + 1);
  const titles = new Map<string, string>();
  for (const field of form.fields) {
    const shared = (counts.get(field.label.vi) ?? 0) > 1;
    const group = field.group?.vi;
    titles.set(field.name, shared && group ? `${field.label.vi} (${lowerFirst(group)})` : field.label.vi);
  }
  cache.set(form, titles);
  return titles;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
