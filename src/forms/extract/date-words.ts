import type { CalendarDate } from '../calendar.js';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digit(value: number): string {
  return DIGITS[value]!;
}

/** 0–99 as read aloud: "mười lăm", "hai mươi mốt", "hai mươi bốn". */
function belowHundred(value: number): string {
  if (value < 10) return digit(value);
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  const head = tens === 1 ? 'mười' : `${digit(tens)} mươi`;
  if (unit === 0) return head;
  // "mốt" only after "mươi" (21, 31...), never after "mười" (11 is "mười một"); 5 after a ten is "lăm".
  if (unit === 1 && tens > 1) return `${head} mốt`;
  if (unit === 5) return `${head} lăm`;
  return `${head} ${digit(unit)}`;
}

/** 0–999; `inner` when a thousands group precedes, which makes "không trăm" and "linh" explicit. */
function belowThousand(value: number, inner: boolean): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0 || inner) parts.push(`${digit(hundreds)} trăm`);
  if (rest > 0) parts.push(rest < 10 && parts.length > 0 ? `linh ${digit(rest)}` : belowHundred(rest));
  return parts.join(' ');
}

/** A whole number 0–9999 in Vietnamese words: 2024 → "hai nghìn không trăm hai mươi bốn". */
export function numberInWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) throw new RangeError('numberInWords: 0–9999 only');
  if (value === 0) return digit(0);
  const thousands = Math.floor(value / 1000);
  const rest = value % 1000;
  if (thousands === 0) return belowThousand(rest, false);
  return rest === 0 ? `${digit(thousands)} nghìn` : `${digit(thousands)} nghìn ${belowThousand(rest, true)}`;
}

/** Month names as written on civil-status papers: the fourth month is "tư", not "bốn". */
function monthInWords(month: number): string {
  return month === 4 ? 'tư' : numberInWords(month);
}

/**
 * The date in words, as on the birth certificate's "ngày, tháng, năm sinh bằng chữ":
 * 12/03/2024 → "Ngày mười hai tháng ba năm hai nghìn không trăm hai mươi bốn". Days 1–10 take "mồng", as
 * Vietnamese reads them ("Ngày mồng năm tháng chín ...").
 */
export function dateInWords(date: CalendarDate): string {
  const day = date.day <= 10 ? `mồng ${numberInWords(date.day)}` : numberInWords(date.day);
  return `Ngày ${day} tháng ${monthInWords(date.month)} năm ${numberInWords(date.year)}`;
}
