import { compareDates, toIsoDate, type CalendarDate } from '../calendar.js';
import { parseDateRelativeTo } from '../extract/date.js';
import { normaliseIdNumber } from '../extract/id-number.js';
import { looksLikeName, normaliseName } from '../extract/name.js';
import { normalisePhone } from '../extract/phone.js';
import { cleanText, foldText } from '../text.js';
import type { FieldDef } from '../types.js';

export type FieldCheck = { ok: true; value: string } | { ok: false; message: string };

/** Oldest year a date or year field accepts: old civil-status records go back generations, not centuries. */
export const MIN_YEAR = 1850;
const MAX_TEXT_LENGTH = 500;
const MAX_NAME_LENGTH = 100;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

/** True when a raw value counts as not filled in: absent, null, or blank text. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Checks and normalises one non-blank value: names capitalised, dates to ISO `yyyy-mm-dd`, ID and phone numbers to
 * bare digits, select values to their option code. `title` names the field in the Vietnamese message.
 */
export function checkFieldValue(field: FieldDef, raw: unknown, title: string, today: CalendarDate): FieldCheck {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return fail(`${title} phải là chữ hoặc số.`);
  const text = cleanText(raw);
  switch (field.type) {
    case 'text':
      return text.length > MAX_TEXT_LENGTH ? fail(`${title} quá dài (tối đa ${MAX_TEXT_LENGTH} ký tự).`) : pass(text);
    case 'address':
      if (text.length > MAX_TEXT_LENGTH) return fail(`${title} quá dài (tối đa ${MAX_TEXT_LENGTH} ký tự).`);
      return /\p{L}/u.test(text) ? pass(text) : fail(`${title} chưa rõ; vui lòng ghi địa chỉ bằng chữ.`);
    case 'name':
      if (text.length > MAX_NAME_LENGTH) return fail(`${title} quá dài (tối đa ${MAX_NAME_LENGTH} ký tự).`);
      return looksLikeName(text)
        ? pass(normaliseName(text))
        : fail(`${title} chỉ được gồm chữ cái, không có chữ số hay ký hiệu.`);
    case 'date':
      return checkDate(text, title, today);
    case 'id-number': {
      const id = normaliseIdNumber(text, field.allowOldCmnd === true);
      if (id) return pass(id);
      return fail(
        field.allowOldCmnd
          ? `${title} phải gồm 12 chữ số (hoặc 9 chữ số nếu là số chứng minh nhân dân cũ).`
          : `${title} phải gồm 12 chữ số.`,
      );
    }
    case 'phone': {
      const phone = normalisePhone(text);
      return phone
        ? pass(phone)
        : fail(`${title} không hợp lệ: số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0 (hoặc +84).`);
    }
    case 'email':
      return EMAIL.test(text) && text.length <= 254
        ? pass(text.toLowerCase())
        : fail(`${title} không đúng định dạng, ví dụ: ten@example.com.`);
    case 'select':
      return checkSelect(field, text, title);
    case 'number':
      return checkNumber(field, text, title);
    case 'year':
      return checkYear(text, title, today);
  }
}

function checkDate(text: string, title: string, today: CalendarDate): FieldCheck {
  const date = parseDateRelativeTo(text, today);
  if (!date) return fail(`${title} không hợp lệ; vui lòng ghi ngày/tháng/năm với năm đủ 4 chữ số, ví dụ: 12/03/2024.`);
  if (compareDates(date, today) > 0) return fail(`${title} không được sau ngày hôm nay.`);
  if (date.year < MIN_YEAR) return fail(`${title} không hợp lệ: năm phải từ ${MIN_YEAR} trở về sau.`);
  return pass(toIsoDate(date));
}

function checkSelect(field: FieldDef, text: string, title: string): FieldCheck {
  const folded = foldText(text);
  const options = field.options ?? [];
  const option = options.find((candidate) =>
    [candidate.value, candidate.label.vi, candidate.label.en, ...(candidate.aliases ?? [])].some(
      (word) => foldText(word) === folded,
    ),
  );
  if (option) return pass(option.value);
  return fail(`${title} phải là một trong: ${options.map((candidate) => candidate.label.vi).join(', ')}.`);
}

function checkNumber(field: FieldDef, text: string, title: string): FieldCheck {
  if (!/^\d{1,6}$/u.test(text)) return fail(`${title} phải là một số nguyên, ví dụ: 1.`);
  const value = Number(text);
  const { min, max } = field;
  const tooLow = min !== undefined && value < min;
  const tooHigh = max !== undefined && value > max;
  if (!tooLow && !tooHigh) return pass(String(value));
  if (min !== undefined && max !== undefined) return fail(`${title} phải từ ${min} đến ${max}.`);
  return fail(min !== undefined ? `${title} phải từ ${min} trở lên.` : `${title} không được lớn hơn ${max}.`);
}

function checkYear(text: string, title: string, today: CalendarDate): FieldCheck {
  // A full date typed for a year field ("12/3/1990") still tells the year.
  const year = /^\d{4}$/u.test(text) ? Number(text) : parseDateRelativeTo(text, today)?.year;
  if (year === undefined) return fail(`${title} phải là năm gồm 4 chữ số, ví dụ: 1990.`);
  if (year > today.year) return fail(`${title} không được sau năm nay.`);
  if (year < MIN_YEAR) return fail(`${title} không hợp lệ: năm phải từ ${MIN_YEAR} trở về sau.`);
  return pass(String(year));
}

function pass(value: string): FieldCheck {
  return { ok: true, value };
}

function fail(message: string): FieldCheck {
  return { ok: false, message };
}
