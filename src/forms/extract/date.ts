import { addDays, compareDates, isValidDate, wardToday, type CalendarDate } from '../calendar.js';
import { foldText } from '../text.js';

export interface ParseDateOptions {
  /** The current instant; "today" is its day in Asia/Ho_Chi_Minh. */
  today?: Date;
}

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

interface DatePattern {
  regex: RegExp;
  /** Maps the match to [day, month, year text]; the year text may have 2 digits. */
  read(match: RegExpExecArray): [number, number, string];
}

// Every pattern is day-first except those that start with a 4-digit year or an English month name, which cannot be
// misread. "3/12/2024" is always 3 December, whatever a US-trained eye sees.
const PATTERNS: readonly DatePattern[] = [
  {
    regex: /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/u,
    read: (m) => [Number(m[3]), Number(m[2]), m[1]!],
  },
  {
    regex: /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?!\d)/u,
    read: (m) => [Number(m[1]), Number(m[2]), m[3]!],
  },
  {
    regex: /(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*(?:nam\s*)?(\d{4}|\d{2})(?!\d)/u,
    read: (m) => [Number(m[1]), Number(m[2]), m[3]!],
  },
  {
    regex: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})(?!\\d)`, 'u'),
    read: (m) => [Number(m[1]), ENGLISH_MONTHS.indexOf(m[2]!) + 1, m[3]!],
  },
  {
    regex: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'u'),
    read: (m) => [Number(m[2]), ENGLISH_MONTHS.indexOf(m[1]!) + 1, m[3]!],
  },
  {
    // A bare ddmmyyyy, as on the CCCD QR code; only when it is the whole answer, so IDs and phones never match.
    regex: /^(\d{2})(\d{2})(\d{4})$/u,
    read: (m) => [Number(m[1]), Number(m[2]), m[3]!],
  },
];

const RELATIVE_DAYS: readonly [RegExp, number][] = [
  [/\b(?:hom nay|today)\b/u, 0],
  [/\b(?:hom qua|yesterday)\b/u, -1],
  [/\bhom kia\b/u, -2],
];

/**
 * Reads a date typed by a citizen, day-first always: "12/3/2024", "12-03-2024", "12.3.2024", "ngày 12 tháng 3 năm
 * 2024", "12 thang 3 nam 2024", ISO "2024-03-12" (year-first cannot be misread), "hôm nay", "hôm qua".
 * A 2-digit year is read only when one century is impossible (in the future); otherwise undefined, as is any
 * impossible day (31/02) or text without a full date.
 */
export function parseDate(text: string, options: ParseDateOptions = {}): CalendarDate | undefined {
  return parseDateRelativeTo(text, wardToday(options.today));
}

/** `parseDate` against a known ward day (the validator computes "today" once per dossier). */
export function parseDateRelativeTo(text: string, today: CalendarDate): CalendarDate | undefined {
  const folded = foldText(text);
  const found = earliestMatch(folded);
  if (found) {
    const [day, month, yearText] = found;
    const year = resolveYear(yearText, month, day, today);
    if (year === undefined || !isValidDate(year, month, day)) return undefined;
    return { day, month, year };
  }
  for (const [regex, offset] of RELATIVE_DAYS) {
    if (regex.test(folded)) return addDays(today, offset);
  }
  return undefined;
}

function earliestMatch(folded: string): [number, number, string] | undefined {
  let best: { index: number; parts: [number, number, string] } | undefined;
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(folded);
    if (match && (best === undefined || match.index < best.index)) {
      best = { index: match.index, parts: pattern.read(match) };
    }
  }
  return best?.parts;
}

function resolveYear(yearText: string, month: number, day: number, today: CalendarDate): number | undefined {
  if (yearText.length === 4) return Number(yearText);
  const recent = 2000 + Number(yearText);
  // "12/3/85" can only be 1985 (2085 has not happened); "12/3/24" may be 2024 or an elder's 1924: ask again.
  if (!isValidDate(recent, month, day)) return undefined;
  return compareDates({ day, month, year: recent }, today) > 0 ? recent - 100 : undefined;
}
