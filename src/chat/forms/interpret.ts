import { formatDate, fromIsoDate, toIsoDate } from '../../forms/calendar.js';
import { parseDate } from '../../forms/extract/date.js';
import { normaliseIdNumber, parseIdNumber } from '../../forms/extract/id-number.js';
import { normaliseName, parseName } from '../../forms/extract/name.js';
import { parsePhone } from '../../forms/extract/phone.js';
import type { FieldDef } from '../../forms/types.js';
import { foldForMatch, type Language } from '../../text/index.js';

/** A citizen's free-text answer read as one field's value, or why it could not be. */
export type Interpretation = { ok: true; value: string } | { ok: false; message: { vi: string; en: string } };

const fold = foldForMatch;

/** Reads a free-text answer as the value of one field (dates day-first, names capitalised, ID numbers digits only). */
export function interpretAnswer(field: FieldDef, text: string, today: Date): Interpretation {
  const trimmed = text.trim();
  switch (field.type) {
    case 'date': {
      const date = parseDate(trimmed, { today });
      return date
        ? { ok: true, value: toIsoDate(date) }
        : { ok: false, message: { vi: 'Tôi chưa đọc được ngày này. Bạn ghi theo kiểu 12/3/2024 hoặc "ngày 12 tháng 3 năm 2024" nhé.', en: 'I could not read that date. Please write it like 12/3/2024.' } };
    }
    case 'name': {
      const name = parseName(trimmed) ?? (trimmed ? normaliseName(trimmed) : undefined);
      return name ? { ok: true, value: name } : { ok: false, message: { vi: 'Bạn cho biết họ và tên đầy đủ nhé.', en: 'Please give the full name.' } };
    }
    case 'id-number': {
      const id = parseIdNumber(trimmed, { allowOldCmnd: field.allowOldCmnd ?? false }) ?? normaliseIdNumber(trimmed, field.allowOldCmnd ?? false);
      return id
        ? { ok: true, value: id }
        : { ok: false, message: { vi: field.allowOldCmnd ? 'Số định danh cá nhân gồm 12 chữ số (hoặc số CMND cũ 9 chữ số).' : 'Số định danh cá nhân gồm 12 chữ số.', en: 'A personal ID number has 12 digits.' } };
    }
    case 'phone': {
      const phone = parsePhone(trimmed);
      return phone ? { ok: true, value: phone } : { ok: false, message: { vi: 'Số điện thoại chưa đúng, ví dụ 0912345678.', en: 'That phone number does not look right, e.g. 0912345678.' } };
    }
    case 'select': {
      const answer = fold(trimmed);
      const option = field.options?.find((o) => [o.value, o.label.vi, o.label.en, ...(o.aliases ?? [])].some((word) => fold(word) === answer || answer.split(' ').includes(fold(word))));
      if (option) return { ok: true, value: option.value };
      const list = field.options?.map((o) => o.label.vi).join(', ') ?? '';
      return { ok: false, message: { vi: `Bạn chọn một trong: ${list}.`, en: `Please choose one of: ${field.options?.map((o) => o.label.en).join(', ') ?? ''}.` } };
    }
    case 'number':
    case 'year': {
      const digits = /\d+/.exec(trimmed)?.[0];
      if (!digits) return { ok: false, message: { vi: 'Bạn ghi bằng chữ số nhé.', en: 'Please answer with digits.' } };
      // Leading zeros go; a number longer than any count or year on a form is a slip of the keyboard.
      const value = digits.replace(/^0+(?=\d)/, '');
      return value.length <= 9 ? { ok: true, value } : { ok: false, message: { vi: 'Số này dài quá, bạn xem lại giúp tôi nhé.', en: 'That number is too long; please check it.' } };
    }
    default:
      return trimmed ? { ok: true, value: trimmed.replace(/\s+/g, ' ') } : { ok: false, message: { vi: 'Bạn nhập nội dung nhé.', en: 'Please type an answer.' } };
  }
}

/** How a stored value is shown back to the citizen (dates as dd/mm/yyyy, options by their label). */
export function displayValue(field: FieldDef, value: string, language: Language): string {
  if (field.type === 'date') {
    const date = fromIsoDate(value);
    return date ? formatDate(date) : value;
  }
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label[language] ?? value;
  return value;
}
