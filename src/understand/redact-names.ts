/**
 * Names and street addresses in a question, for the redaction of the officials' inbox (./redact.ts). Names are
 * recognised after an honorific ("ông", "chị", …) when they are capitalised or start with a common family name,
 * and after "tên (là)", "họ tên:", "tôi là"/"tôi tên"; addresses from a house number followed by a street word or
 * a capitalised name. Over-redacting a word is better than keeping a name.
 */

const HONORIFICS = ['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cụ', 'cháu', 'bé', 'con', 'cậu', 'dì', 'thím', 'mợ', 'dượng', 'ngài', 'bạn'];
const FAMILY_NAMES = new Set(
  ('nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào đoàn lâm mai trịnh trương cao ' +
    'lưu hà tạ chu châu quách tô thái vương kiều lương la mạc triệu tăng từ khúc thân lã nông lò hứa viên âu kim')
    .split(' '),
);
// Words that end a name typed without capitals ("ông nguyễn văn an hỏi …").
const NOT_IN_NAMES = new Set(
  ('hỏi muốn cần làm ở tại sinh đã có là đi đến về bị được xin thì và với cho của nhà năm ngày mất chết qua đời ' +
    'đang sẽ vừa mới ấy này kia đó nay ơi ạ nhé nha không chưa rồi thế sao gì nào phải đăng ký giấy').split(' '),
);
const STREET_WORDS = ['số nhà', 'nhà số', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'đường', 'phố', 'tổ', 'thôn', 'xóm', 'ấp', 'khu phố', 'khu', 'khối', 'tòa', 'lô', 'chung cư', 'phường', 'xã', 'quận', 'huyện', 'thị trấn', 'thành phố', 'tỉnh', 'tp', 'p', 'q'];

const WORD = /^[\p{L}'’-]+$/u;
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word) && WORD.test(word);
const lower = (word: string) => word.toLocaleLowerCase('vi');

/** A case-insensitive alternation of phrases without the `i` flag (which would make \p{Lu} match lower case too). */
function anyCase(phrases: readonly string[]): string {
  return phrases
    .map((phrase) => phrase.replace(/\p{L}/gu, (ch) => (lower(ch) === ch.toLocaleUpperCase('vi') ? ch : `[${lower(ch)}${ch.toLocaleUpperCase('vi')}]`)).replace(/ /g, '\\s+'))
    .join('|');
}

const STREET = anyCase(STREET_WORDS);
const HOUSE_NUMBER = `(?:(?:${anyCase(['số nhà', 'nhà số', 'số', 'nhà'])})\\s+)?\\d{1,5}[A-Za-z]?(?:\\/\\d{1,5}[A-Za-z]?)*`;
const ADDRESS_PART = `(?:(?:${STREET})\\.?(?=[\\s,\\d])|\\p{Lu}[\\p{L}'’-]*|\\d{1,5}[A-Za-z]?(?:\\/\\d{1,5}[A-Za-z]?)*)`;
/** A house number, then at least one street word or capitalised name, then any more of them (commas allowed). */
const ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])${HOUSE_NUMBER}(?:[\\s,]+${ADDRESS_PART})+`, 'gu');

/** Replaces street addresses that carry a house number with `[địa chỉ]`. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, (match) => (/\d/.test(match) && /[\p{L}]{2,}/u.test(match.replace(/^\D*\d+/u, '')) ? '[địa chỉ]' : match));
}

const NAME_LEAD_IN = new RegExp(
  `(?<![\\p{L}])(?:(?:${anyCase(['họ và tên', 'họ tên', 'tên'])})(?:\\s+(?:${anyCase(['của'])}\\s+)?(?:${anyCase(['tôi', 'mình', 'em', 'bé', 'con', 'cháu', 'mẹ', 'bố', 'cha', 'ba', 'ông', 'bà', 'anh', 'chị', 'vợ', 'chồng', 'người mất', 'người chết'])}))?\\s*(?:${anyCase(['là'])}|:)` +
    `|(?:${anyCase(['tôi', 'mình', 'em', 'cháu', 'con'])})\\s+(?:${anyCase(['tên', 'tên là'])}))\\s*`,
  'gu',
);
const SELF_LEAD_IN = new RegExp(`(?<![\\p{L}])(?:${anyCase(['tôi là', 'mình là', 'em là', 'cháu là', 'con là'])})\\s+`, 'gu');
const HONORIFIC = new RegExp(`(?<![\\p{L}])(?:${anyCase(HONORIFICS)})\\s+`, 'gu');

/** How many of the words from `start` form a name (0 when none): `loose` takes any letters-only words. */
function nameLength(words: string[], start: number, loose: boolean): number {
  const first = words[start];
  if (!first || !WORD.test(first)) return 0;
  if (isCapitalised(first)) {
    let n = 0;
    while (n < 4 && words[start + n] && isCapitalised(words[start + n]!) && !NOT_IN_NAMES.has(lower(words[start + n]!))) n += 1;
    return n;
  }
  if (!loose && !FAMILY_NAMES.has(lower(first))) return 0;
  let n = 0;
  while (n < 4 && words[start + n] && WORD.test(words[start + n]!) && !NOT_IN_NAMES.has(lower(words[start + n]!))) n += 1;
  return n;
}

/** Replaces the name after each match of `lead` with `[tên]`. */
function redactAfter(text: string, lead: RegExp, loose: boolean): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(lead)) {
    const at = match.index + match[0].length;
    if (at < from) continue;
    // The words right after the lead-in, up to punctuation or a digit.
    const rest = text.slice(at);
    const clause = /^[^,.;:!?()\d\n"“”[\]]*/u.exec(rest)?.[0] ?? '';
    const words = clause.split(/\s+/u).filter(Boolean);
    const n = nameLength(words, 0, loose);
    if (n === 0) continue;
    const nameEnd = at + (/^\s*/u.exec(rest)?.[0].length ?? 0) + spanOf(clause.trimStart(), n);
    out += text.slice(from, at) + '[tên]';
    from = nameEnd;
  }
  return out + text.slice(from);
}

/** Characters taken by the first `n` words of `text` (with the spaces between them). */
function spanOf(text: string, n: number): number {
  const match = new RegExp(`^\\S+(?:\\s+\\S+){${n - 1}}`, 'u').exec(text);
  return match?.[0].length ?? 0;
}

/** Replaces names after "tên (là)", "họ tên:", "tôi là/tên" and after honorifics with `[tên]`. */
export function redactNames(text: string): string {
  let out = redactAfter(text, NAME_LEAD_IN, true);
  out = redactAfter(out, SELF_LEAD_IN, false);
  return redactAfter(out, HONORIFIC, false);
}
