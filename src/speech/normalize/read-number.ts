import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

// The package reads Vietnamese numbers the way a ward official says them ("một trăm lẻ năm", "hai mươi tư",
// "hai nghìn không trăm hai mươi tư"); we only feed it plain digit strings and do the text around it ourselves.
const CONFIG = new ReadingConfig();
CONFIG.unit = [];

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Longest digit string read as one number; longer runs (IDs, account numbers) are read digit by digit. */
const MAX_NUMBER_DIGITS = 15;

/** Reads a whole number given as digits ("1500000" → "một triệu năm trăm nghìn"); leading zeros are dropped. */
export function readInteger(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(trimmed)) return digits;
  if (trimmed.length > MAX_NUMBER_DIGITS) return readDigits(trimmed);
  return doReadNumber(trimmed, CONFIG).trim();
}

/** Reads each digit on its own ("0912" → "không chín một hai"), for phone numbers, codes and IDs. */
export function readDigits(digits: string): string {
  return [...digits].filter((d) => d >= '0' && d <= '9').map((d) => DIGIT_WORDS[Number(d)]).join(' ');
}

/** Reads a decimal with a Vietnamese decimal comma ("3,5" → "ba phẩy năm"); the fraction is read as a number. */
export function readDecimal(integral: string, fraction: string): string {
  const fractionWords = fraction.startsWith('0') ? readDigits(fraction) : readInteger(fraction);
  return `${readInteger(integral)} phẩy ${fractionWords}`;
}

/** Reads a day-of-week or rank ordinal ("2" → "hai", "1" → "nhất", "4" → "tư") as in "thứ hai", "lần thứ tư". */
export function readOrdinal(digits: string): string {
  const n = Number(digits);
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return readInteger(digits);
}

/** Reads a month number as in "tháng tư" (April is "tư", never "bốn"). */
export function readMonth(month: number): string {
  return month === 4 ? 'tư' : readInteger(String(month));
}
