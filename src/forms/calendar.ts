import { wardDateParts } from '../shared/ward-time.js';

/**
 * Calendar dates without a time or a zone: a birth date is a day, not an instant, so it never shifts with the
 * machine's zone. "Today" is the ward's day in Asia/Ho_Chi_Minh.
 */
export interface CalendarDate {
  day: number;
  month: number;
  year: number;
}

export { WARD_TIME_ZONE } from '../shared/ward-time.js';

/** The calendar day an instant falls on in the ward (23:30 UTC is already tomorrow in Vietnam). */
export function wardToday(instant: Date = new Date()): CalendarDate {
  const parts = wardDateParts(instant);
  return { day: Number(parts.day), month: Number(parts.month), year: Number(parts.year) };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the parts name a real day (no 31/02, no month 13). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The day `days` days after (or before, if negative) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { day: shifted.getUTCDate(), month: shifted.getUTCMonth() + 1, year: shifted.getUTCFullYear() };
}

/** Completed years of age on `at` ("đủ 18 tuổi": the birthday itself counts). */
export function ageOn(birth: CalendarDate, at: CalendarDate): number {
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** `yyyy-mm-dd`: the stored form of a date value. */
export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Reads a stored `yyyy-mm-dd` value back; undefined for anything else. */
export function fromIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { day, month, year } : undefined;
}

/** `dd/mm/yyyy`, the way dates are shown to people. */
export function formatDate(date: CalendarDate): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${String(date.year).padStart(4, '0')}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
