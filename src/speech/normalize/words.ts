import { isVietnameseSyllableShape } from '../../text/syllable.js';
import { foldDiacritics } from '../../text/index.js';
import { lookupAbbreviation, spellLetters } from './letters.js';

// Place abbreviations with a dot ("TP. Hà Nội", "Q.1", "P. Cửa Nam") only count before a name or a number,
// so a sentence ending in "P." elsewhere is left alone.
const DOTTED = /(?<![\p{L}\p{N}])(TP\.HCM|TP\.HN|TP\.|Tp\.|TX\.|TT\.|Q\.|P\.|X\.|H\.)(?=\s*[\p{Lu}\p{N}]|\s*(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b)/gu;
const ETC = /(?<![\p{L}])v\.v\.?/gu;
const HYPHENATED = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}]*(?:-\p{Lu}[\p{L}]*)+)(?![\p{L}\p{N}])/gu;
const TOKEN = /(?<![\p{L}\p{N}])(\p{L}+)(?![\p{L}\p{N}])/gu;

/** True for an all-capital token that is not a Vietnamese syllable (CCCD, HTX): nobody reads it as a word. */
function isAcronym(token: string): boolean {
  if (token.length < 2 || token !== token.toUpperCase() || token === token.toLowerCase()) return false;
  return !isVietnameseSyllableShape(foldDiacritics(token).toLowerCase());
}

/** Says abbreviations and acronyms as words: the ward's table first, unknown acronyms letter by letter. */
export function readAbbreviationsAloud(text: string): string {
  return text
    .replace(DOTTED, (m) => ` ${lookupAbbreviation(m) ?? m} `)
    .replace(ETC, ' vân vân ')
    .replace(HYPHENATED, (m) => {
      const whole = lookupAbbreviation(m);
      if (whole) return whole;
      const parts = m.split('-');
      if (!parts.every((p) => lookupAbbreviation(p) !== undefined || isAcronym(p))) return m.replace(/-/g, ' ');
      return parts.map((p) => lookupAbbreviation(p) ?? spellLetters(p)).join(' ');
    })
    .replace(TOKEN, (token) => lookupAbbreviation(token) ?? (isAcronym(token) ? spellLetters(token) : token));
}

const SYMBOLS: [RegExp, string][] = [
  [/&/g, ' và '],
  [/\s\+\s/g, ' cộng '],
  [/=/g, ' bằng '],
  [/(\p{L})\s*\/\s*(?=\p{L})/gu, '$1 hoặc '],
  [/[•●▪◦·]/g, ', '],
  [/[()[\]{}]/g, ', '],
  [/[“”"«»*_#|~^<>`]/g, ' '],
  [/\s[–—-]\s/g, ', '],
  [/[–—]/g, ', '],
  [/…/g, '. '],
  [/\s*([,.;:!?])(?:\s*[,;:])+/g, '$1'],
  [/\s+/g, ' '],
  [/\s+([,.;:!?])/g, '$1'],
];

/** Turns the signs left in the text into words or pauses, and tidies spaces; "đồng/bản" becomes "đồng một bản". */
export function readSymbolsAloud(text: string): string {
  const perUnit = text.replace(/(đồng|nghìn|triệu)\s*\/\s*(?=\p{L})/gu, '$1 một ');
  return SYMBOLS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), perUnit).trim().replace(/^[,.;:]\s*/, '');
}
