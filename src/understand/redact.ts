import { redactAddresses, redactNames } from './redact-names.js';

// A run of digits with single spaces, dots or dashes between them ("001 099 012 345", "0912.345.678", "+84 912…").
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ .-]?\d){6,}(?![\p{L}\p{N}])/gu;
// Amounts of money keep their digits ("150.000.000 đồng"): they say what a fee is, not who asks.
const MONEY_AFTER = /^\s*(?:đồng|đ\b|vnd|vnđ|triệu|tỷ|nghìn|ngàn)/iu;

/** What a run of digits is: a phone number, an ID number (9 or 12 digits), another long number, or none of these. */
function labelDigits(run: string): string | undefined {
  const digits = run.replace(/\D/g, '');
  if ((digits.startsWith('0') && (digits.length === 10 || digits.length === 11)) || (digits.startsWith('84') && digits.length === 11)) return '[số điện thoại]';
  if (digits.length === 9 || digits.length === 12) return '[số giấy tờ]';
  if (digits.length >= 13) return '[số]';
  return undefined;
}

/**
 * Removes what may identify a person from a question before it is kept for officials (the gaps inbox, which is also
 * encrypted at rest): the QR string of an ID card, e-mail addresses, dates, ID and phone numbers however they are
 * grouped, street addresses with a house number, and names after an honorific or "tên (là)".
 */
export function redactPersonalData(text: string): string {
  let out = text
    .replace(/\b\d{9,12}\|[^\n]*/g, '[mã QR]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, '[ngày]')
    .replace(/(?<![\p{L}])ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu, '[ngày]');
  // "(024) 3825 1234": the area code in brackets belongs to the number.
  out = out.replace(/\((0\d{1,3})\)\s?(?=\d)/g, '$1 ');
  out = out.replace(DIGIT_RUN, (run, offset: number, whole: string) => {
    if (MONEY_AFTER.test(whole.slice(offset + run.length))) return run;
    return labelDigits(run) ?? run;
  });
  return redactNames(redactAddresses(out));
}
