import { readDecimal, readDigits, readInteger, readMonth, readOrdinal } from './read-number.js';
import { lookupAbbreviation, spellLetters } from './letters.js';

// Rules that turn digits and the signs around them into words. They run in this order on text whose words are
// already in place; each leaves only words behind, so a later rule never re-reads what an earlier one produced.
// The choices (a date is read "ngày … tháng … năm …", a phone number digit by digit, "05 ngày" as "năm ngày")
// are explained in docs/speech.md.

const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}.,/])`;
const NOT_AFTER = String.raw`(?![\p{N}]|[.,/]\p{N})`;

type Rule = [RegExp, (...groups: string[]) => string];

const isDay = (d: number) => d >= 1 && d <= 31;
const isMonth = (m: number) => m >= 1 && m <= 12;

function readDate(day: string, month: string, year?: string): string | undefined {
  const d = Number(day);
  const m = Number(month);
  if (!isDay(d) || !isMonth(m)) return undefined;
  const words = `ngày ${readInteger(day)} tháng ${readMonth(m)}`;
  return year ? `${words} năm ${readInteger(year)}` : words;
}

function readTime(hours: string, minutes?: string): string | undefined {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 24 || m > 59) return undefined;
  return m === 0 ? `${readInteger(hours)} giờ` : `${readInteger(hours)} giờ ${readInteger(minutes ?? '0')}`;
}

/** A legal document's issuer ("NĐ-CP", "TT-BTP") part by part, spelling parts the table does not know. */
function readIssuer(issuer: string): string {
  return issuer
    .split('-')
    .map((part) => lookupAbbreviation(part) ?? spellLetters(part))
    .join(' ');
}

/** Groups of a phone number read digit by digit, a short pause (comma) between groups as people say them. */
function readPhone(text: string): string {
  const plus = text.startsWith('+');
  const groups = text.replace(/^\+/, '').split(/[ .-]+/).filter(Boolean);
  const spoken = groups.map(readDigits).join(', ');
  return plus ? `cộng ${spoken}` : spoken;
}

const UNITS: Readonly<Record<string, string>> = {
  'm²': 'mét vuông', m2: 'mét vuông', 'km²': 'ki lô mét vuông', km2: 'ki lô mét vuông', 'm³': 'mét khối', m3: 'mét khối',
  km: 'ki lô mét', m: 'mét', cm: 'xen ti mét', mm: 'mi li mét', kg: 'ki lô gam', g: 'gam', ha: 'héc ta',
  '%': 'phần trăm', MB: 'mê ga bai', KB: 'ki lô bai', GB: 'gi ga bai', 'đ': 'đồng', 'VNĐ': 'đồng', 'VND': 'đồng',
  'vnđ': 'đồng', k: 'nghìn', tr: 'triệu',
};
const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

const RULES: Rule[] = [
  // Mail and web addresses: the dots and slashes are said, the scheme is not.
  [/([\p{L}\p{N}_.+-]+)@([\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)/gu, (_m, user, host) => ` ${user.replace(/\./g, ' chấm ')} a còng ${host.replace(/\./g, ' chấm ')} `],
  [/\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|int)(?:\/[\w\-./?=&%]*)?)/giu, (_m, address) =>
    ` ${address.replace(/\/$/, '').replace(/\./g, ' chấm ').replace(/\//g, ' gạch chéo ').replace(/-/g, ' gạch ngang ')} `],
  // Legal documents: "123/2015/NĐ-CP" → "số một trăm hai mươi ba năm hai nghìn không trăm mười lăm nghị định …".
  [new RegExp(String.raw`(?:số\s+)?(\d{1,4})/(\d{4})/(\p{Lu}[\p{L}]*(?:-\p{Lu}[\p{L}]*)*)`, 'gu'), (_m, n, year, issuer) =>
    `số ${readInteger(n)} năm ${readInteger(year)} ${readIssuer(issuer)}`],
  // National procedure codes: "1.001193" (one digit, a dot, six digits) is a code, never a number.
  [new RegExp(String.raw`${NOT_BEFORE}(\d)\.(\d{6})${NOT_AFTER}`, 'gu'), (_m, a, b) => `${readDigits(a)} chấm ${readDigits(b)}`],
  // Dates: day/month/year with / . or -, an existing "ngày" before it kept once.
  [new RegExp(String.raw`(?:ngày\s+)?${NOT_BEFORE}(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${NOT_AFTER}`, 'giu'), (m, d, _s, mo, y) =>
    readDate(d, mo, y) ?? m],
  // Month/year: "03/2024" → "tháng ba năm …".
  [new RegExp(String.raw`(?:tháng\s+)?${NOT_BEFORE}(\d{1,2})/(\d{4})${NOT_AFTER}`, 'giu'), (m, mo, y) =>
    isMonth(Number(mo)) ? `tháng ${readMonth(Number(mo))} năm ${readInteger(y)}` : m],
  // Day/month: "15/3" → "ngày mười lăm tháng ba".
  [new RegExp(String.raw`(?:ngày\s+)?${NOT_BEFORE}(\d{1,2})/(\d{1,2})${NOT_AFTER}`, 'giu'), (m, d, mo) => readDate(d, mo) ?? m],
  // Phone numbers (0 or +84 then 8–10 more digits, grouped or not) and 1800/1900 hotlines, digit by digit.
  [new RegExp(String.raw`${NOT_BEFORE}((?:\+84[ .]?|0)\d{1,3}(?:[ .-]?\d{2,4}){2,3})${NOT_AFTER}`, 'gu'), (m, phone) => {
    const digits = phone.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 12 ? readPhone(phone) : m;
  }],
  [new RegExp(String.raw`${NOT_BEFORE}(1[89]00[ .]?\d{3,4})${NOT_AFTER}`, 'gu'), (_m, phone) => readPhone(phone)],
  // Any other run of 9 digits or more is an identifier (CCCD, account, reference): digit by digit.
  [new RegExp(String.raw`${NOT_BEFORE}(\d{9,})${NOT_AFTER}`, 'gu'), (_m, digits) => readDigits(digits)],
  // Ranges between numbers or weekdays: "13:30–17:00", "Thứ 2 – Thứ 6", "5 - 7 ngày".
  [/(\d)\s*[–—]\s*(?=\d|[Tt]hứ\s*\d)/gu, (_m, d) => `${d} đến `],
  [/(\d) - (?=\d)/gu, (_m, d) => `${d} đến `],
  // Times: "7:30", "7h30", "7h", "07 giờ 30 phút".
  [new RegExp(String.raw`${NOT_BEFORE}(\d{1,2})(?::|h|g)(\d{2})(?!\d)(?:\s*phút)?`, 'gu'), (m, h, mi) => readTime(h, mi) ?? m],
  [new RegExp(String.raw`${NOT_BEFORE}(\d{1,2})h(?![\p{L}\p{N}])`, 'gu'), (m, h) => readTime(h) ?? m],
  // Ordinals and months: "thứ 2" → "thứ hai", "thứ 4" → "thứ tư", "tháng 4" → "tháng tư".
  [/(thứ)\s+(\d{1,2})(?!\d)/giu, (_m, word, n) => `${word} ${readOrdinal(n)}`],
  [/(tháng)\s+(\d{1,2})(?![\d/])/giu, (m, word, n) => (isMonth(Number(n)) ? `${word} ${readMonth(Number(n))}` : m)],
  // Numbers with units: "50.000đ", "100 m2", "5%", "200k".
  [new RegExp(String.raw`(\d)\s*(${UNIT_PATTERN})(?![\p{L}\p{N}])`, 'gu'), (_m, d, unit) => `${d} ${UNITS[unit] ?? unit}`],
  // Thousands with dots ("1.500.000"), decimals with a comma ("3,5"), then any plain number ("05" → "năm").
  [new RegExp(String.raw`${NOT_BEFORE}(\d{1,3}(?:\.\d{3})+)(?![\p{N}]|[.,]\p{N})`, 'gu'), (_m, n) => readInteger(n.replace(/\./g, ''))],
  [new RegExp(String.raw`${NOT_BEFORE}(\d+),(\d+)(?![\p{N}]|[.,]\p{N})`, 'gu'), (_m, a, b) => readDecimal(a, b)],
  [/(\d+)\.(\d+)/gu, (_m, a, b) => `${readInteger(a)} chấm ${b.startsWith('0') ? readDigits(b) : readInteger(b)}`],
  [/\d+/gu, (n) => ` ${readInteger(n)} `],
];

/** Replaces every number, date, time, phone number, code, address and unit in the text by the words said for it. */
export function readNumbersAloud(text: string): string {
  return RULES.reduce((current, [pattern, replace]) => current.replace(pattern, replace as (substring: string, ...args: string[]) => string), text);
}
