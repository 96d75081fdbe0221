import { cleanText, foldText } from '../text.js';

const MAX_NAME_LENGTH = 100;

/**
 * "nguyễn văn  an" → "Nguyễn Văn An": trimmed, spaces collapsed, each syllable capitalised (also after a hyphen or
 * an apostrophe, as in "H'Hen Niê"); spelling and diacritics are kept exactly as written.
 */
export function normaliseName(text: string): string {
  return cleanText(text)
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));
}

/** True when the text could be a person's name: letters, spaces, hyphens and apostrophes only, not too long. */
export function looksLikeName(text: string): boolean {
  const clean = cleanText(text);
  return clean.length > 0 && clean.length <= MAX_NAME_LENGTH && /^\p{L}+(?:[\s\-'’]+\p{L}+)*$/u.test(clean);
}

// The lead-ins people type before a name, folded (no diacritics): "tên là", "tôi tên", "họ tên:", "tên bé là",
// "tôi là". A qualifier ("bé", "của mẹ") counts only when "là" or ":" follows, so "tên Minh Anh" keeps "Minh".
const PERSON = '(?:toi|minh|em|be|con|chau|me|bo|cha|ba|ong|vo|chong|nguoi\\s+(?:chet|mat|yeu\\s+cau))';
const QUALIFIER = `(?:day\\s+du|khai\\s+sinh|goi|(?:cua\\s+)?${PERSON})`;
const LEAD_IN = new RegExp(
  '(?:^|[\\s,.;:])(?:' +
    `(?:ho\\s+(?:va\\s+)?)?ten(?:(?:\\s+${QUALIFIER})*\\s*(?::|-|\\s+la)\\s*|\\s+)` +
    '|(?:toi|minh|em|chau|be|con)\\s+la\\s+' +
    ')',
  'gu',
);
const TRAILING_PARTICLES = new Set(['ạ', 'a', 'nhé', 'nhe', 'nha', 'nhá', 'ha', 'đó', 'ấy']);
// Replies that are never names, whatever their shape ("không biết", "ok"); compared with diacritics kept so that
// surnames such as "Lã" are not mistaken for "là".
const NOT_NAMES = new Set(['không', 'biết', 'chưa', 'vâng', 'dạ', 'ok', 'oke', 'yes', 'no', 'khong', 'biet', 'là']);
// Words that end the name when a sentence goes on ("... Khôi, quê ở ..."). Kept with diacritics: unaccented "tai"
// or "nam" may be the given names Tài or Năm.
const STOP_WORDS = new Set(['ngày', 'ngay', 'quê', 'ở', 'tại', 'số', 'điện', 'giới', 'và', 'cccd', 'cmnd']);
const AFTER_SINH = new Set(['ngày', 'ngay', 'năm', 'nam', 'lúc', 'luc', 'tại', 'tai', 'ở', 'o', 'vào', 'vao']);

/**
 * The person's full name in a chat answer: strips lead-ins ("tên là", "tôi tên", "họ tên:", "tên bé là") and
 * closing particles ("ạ"), stops at punctuation or digits, and capitalises it. Undefined unless at least two
 * syllables of letters remain (a Vietnamese full name has a family name and a given name).
 */
export function parseName(text: string): string | undefined {
  const clean = cleanText(text);
  const folded = foldAligned(clean);
  let start = 0;
  for (const match of folded.matchAll(LEAD_IN)) start = match.index + match[0].length;
  const tail = clean.slice(start).split(/[,.;!?()\d\n"“”]/u)[0] ?? '';
  const words = cutAtStopWords(tail.split(' ').filter((word) => word.length > 0));
  while (words.length > 2 && TRAILING_PARTICLES.has(words[words.length - 1]!.toLocaleLowerCase('vi'))) words.pop();
  if (words.length < 2 || words.some((word) => NOT_NAMES.has(word.toLocaleLowerCase('vi')))) return undefined;
  const candidate = words.join(' ');
  return looksLikeName(candidate) ? normaliseName(candidate) : undefined;
}

function cutAtStopWords(words: string[]): string[] {
  const lower = words.map((word) => word.toLocaleLowerCase('vi'));
  const end = lower.findIndex(
    (word, index) => STOP_WORDS.has(word) || (word === 'sinh' && AFTER_SINH.has(lower[index + 1] ?? '')),
  );
  return end < 0 ? words : words.slice(0, end);
}

/** Folds character by character so that indexes in the folded text are indexes in the original. */
function foldAligned(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = foldText(char);
    out += folded.length === char.length ? folded : char;
  }
  return out;
}
