import { wardToday } from '../../forms/calendar.js';
import { fieldTitles } from '../../forms/checks/titles.js';
import type { FieldDef, FormDefinition, RuleContext } from '../../forms/types.js';
import { displayValue } from './interpret.js';
import type { Language } from '../../text/index.js';

// At most this many required fields in one question; optional ones of the same section ride along ("nếu có").
const MAX_REQUIRED = 7;
const MAX_OPTIONAL = 4;

/** Fields the dialogue asks for: not derived, not filled from the ward's settings, the first household member only. */
export function fieldsToAsk(form: FormDefinition): FieldDef[] {
  return form.fields.filter((f) => !f.derived && !f.notAsked && !/\.[1-9]\d*\./.test(f.name));
}

function ruleContext(form: FormDefinition, values: Readonly<Record<string, string>>, today: Date): RuleContext {
  const titles = fieldTitles(form);
  return { today: wardToday(today), form, provided: new Set(Object.keys(values)), titleOf: (name) => titles.get(name) ?? name };
}

/** Fields the form needs now: required ones, and those a rule requires because of what is already filled. */
export function requiredNow(form: FormDefinition, values: Readonly<Record<string, string>>, today: Date): Set<string> {
  const required = new Set(form.fields.filter((f) => f.required).map((f) => f.name));
  const context = ruleContext(form, values, today);
  for (const rule of form.rules) for (const error of rule.check(values, context)) if (values[error.field] === undefined) required.add(error.field);
  return required;
}

/**
 * Rules broken by values just read, checked now rather than at the end: each broken rule's message, and the fields
 * read in this turn that it names (they are taken back and asked again).
 */
export function brokenRules(
  form: FormDefinition,
  values: Readonly<Record<string, string>>,
  read: readonly string[],
  today: Date,
): { fields: string[]; message: { vi: string; en: string } }[] {
  const context = ruleContext(form, values, today);
  const out: { fields: string[]; message: { vi: string; en: string } }[] = [];
  for (const rule of form.rules) {
    for (const error of rule.check(values, context)) {
      if (values[error.field] === undefined) continue;
      const fields = read.includes(error.field) ? [error.field] : (rule.fields ?? []).filter((f) => read.includes(f));
      if (fields.length > 0) out.push({ fields, message: { vi: error.message, en: rule.description.en } });
    }
  }
  return out;
}

/** The next question's fields: the first missing section, required fields first, then its optional ones. */
export function nextBatch(missing: readonly FieldDef[], required: ReadonlySet<string>): FieldDef[] {
  const first = missing[0];
  if (!first) return [];
  const section = missing.filter((f) => f.group?.vi === first.group?.vi);
  const needed = section.filter((f) => required.has(f.name)).slice(0, MAX_REQUIRED);
  const optional = section.filter((f) => !required.has(f.name)).slice(0, needed.length > 0 ? MAX_OPTIONAL : MAX_REQUIRED);
  return [...needed, ...optional];
}

/** Optional fields of a batch that a rule ties to another field of the same batch (a parent's name and details). */
export function tiedFields(form: FormDefinition, batch: readonly FieldDef[]): Set<string> {
  const names = new Set(batch.map((f) => f.name));
  const tied = new Set<string>();
  for (const rule of form.rules) {
    const inBatch = (rule.fields ?? []).filter((f) => names.has(f));
    if (inBatch.length > 1) for (const f of inBatch) tied.add(f);
  }
  return tied;
}

/** The question for a batch: the section, each field, the rules that apply to them, and when skipping is allowed. */
export function composeQuestion(form: FormDefinition, batch: readonly FieldDef[], required: ReadonlySet<string>, values: Readonly<Record<string, string>>, language: Language): { text: string; canSkipAll: boolean } {
  const en = language === 'en';
  const tied = tiedFields(form, batch);
  const needed = batch.filter((f) => required.has(f.name) || tied.has(f.name));
  const optional = batch.filter((f) => !required.has(f.name) && !tied.has(f.name));
  const heading = batch[0]?.group ? `${batch[0].group[language]}:` : '';
  const lines: string[] = [];
  const ask = (f: FieldDef) => (f.ask ?? f.label)[language];
  if (needed.length === 1) lines.push(ask(needed[0]!));
  else needed.forEach((f, i) => lines.push(`${i + 1}. ${ask(f)}`));
  if (needed.length === 0 && optional.length === 1) lines.push(`${ask(optional[0]!)} ${en ? '(optional — say “skip”)' : '(không bắt buộc — nói “bỏ qua”)'}`);
  else if (optional.length > 0) {
    const labels = optional.map((f) => f.label[language].toLocaleLowerCase(language)).join(', ');
    lines.push(en ? `If you have them (optional): ${labels}.` : `Nếu có (không bắt buộc): ${labels}.`);
  }
  const notes = ruleNotes(form, batch, values, language);
  if (notes.length > 0) lines.push(`${en ? 'Note' : 'Lưu ý'}: ${notes.join(' ')}`);
  if (batch.length > 1) lines.push(en ? '(You can answer everything in one message, separated by commas.)' : '(Bạn có thể trả lời tất cả trong một tin, cách nhau bằng dấu phẩy.)');
  // A section whose every field is optional (a parent who is not established) can be skipped as a whole.
  const canSkipAll = batch.every((f) => !required.has(f.name));
  if (canSkipAll && needed.length > 0) lines.push(en ? 'If this does not apply, say “skip”.' : 'Nếu không có thông tin này, nói “bỏ qua”.');
  return { text: [heading, ...lines].filter(Boolean).join('\n'), canSkipAll };
}

// A rule is explained with the question that completes it: every field it reads is asked now or already filled.
function ruleNotes(form: FormDefinition, batch: readonly FieldDef[], values: Readonly<Record<string, string>>, language: Language): string[] {
  const names = new Set(batch.map((f) => f.name));
  return form.rules
    .filter((rule) => (rule.fields ?? []).some((f) => names.has(f)) && (rule.fields ?? []).every((f) => names.has(f) || values[f] !== undefined))
    .map((rule) => rule.description[language]);
}

/** The summary the citizen confirms, grouped under the sections so that each name says whose it is. */
export function composeSummary(form: FormDefinition, values: Readonly<Record<string, string>>, language: Language): string {
  const lines: string[] = [];
  let group: string | undefined;
  for (const f of form.fields) {
    if (f.derived || /\.[1-9]\d*\./.test(f.name) || (f.notAsked && values[f.name] === undefined)) continue;
    const heading = f.group?.[language];
    if (heading && heading !== group) lines.push(heading.toLocaleUpperCase(language));
    group = heading;
    const value = values[f.name];
    const blank = language === 'en' ? '(left blank — fill in by hand)' : '(để trống — điền tay tại quầy)';
    lines.push(`- ${f.label[language]}: ${value !== undefined ? displayValue(f, value, language) : blank}`);
  }
  return language === 'en'
    ? `Please check the form:\n${lines.join('\n')}\nIs everything correct? Say “yes” to save it, or for example “change the child’s name to Nguyễn Minh Khôi”.`
    : `Bạn kiểm tra lại tờ khai:\n${lines.join('\n')}\nThông tin đã đúng chưa? Nói “đúng” để lưu, hoặc ví dụ “sửa họ tên của bé thành Nguyễn Minh Khôi”.`;
}
