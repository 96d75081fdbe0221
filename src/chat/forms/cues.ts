import type { FieldDef } from '../../forms/types.js';
import { fieldKeyOf } from './person-words.js';
import { isRelation } from './words.js';

/**
 * What names a field in a citizen's answer: cue words at the start of a clause, and the shapes of values (a date,
 * an ID number, a year, "nam"/"nữ", a relation, a known ethnicity or nationality). Folded text, no diacritics.
 */
export type Cue = { pattern: RegExp; keys: readonly string[] };

// A clause that starts with these words names its field; the rest of the clause is the value. Folded, longest first.
export const CUES: readonly Cue[] = [
  { pattern: /^(?:ho va ten|ho ten|ho chu dem ten|full name|name|ten goi|ten)\b(?:\s+(?:la|is))?\s*:?\s*/, keys: ['ho_ten'] },
  { pattern: /^(?:noi sinh|sinh (?:o|tai)|born (?:in|at))\b\s*:?\s*/, keys: ['noi_sinh'] },
  { pattern: /^(?:nam sinh|sinh nam|year of birth|born in(?= \d{4}\b))\b\s*:?\s*/, keys: ['nam_sinh', 'ngay_sinh'] },
  { pattern: /^(?:ngay sinh|sinh ngay|sinh vao ngay|date of birth|born on|born|sinh)\b\s*:?\s*/, keys: ['ngay_sinh', 'nam_sinh'] },
  { pattern: /^(?:que quan|que o|que|home town)\b\s*:?\s*/, keys: ['que_quan'] },
  { pattern: /^(?:dan toc|ethnicity)\b\s*:?\s*/, keys: ['dan_toc'] },
  { pattern: /^(?:quoc tich|nationality)\b\s*:?\s*/, keys: ['quoc_tich'] },
  { pattern: /^(?:gioi tinh|sex|gender)\b\s*:?\s*/, keys: ['gioi_tinh'] },
  { pattern: /^(?:so dinh danh(?: ca nhan)?|so can cuoc|so cccd|cccd(?: so)?|cmnd(?: so)?|can cuoc(?: so)?|id(?: number)?)\b\s*:?\s*(?=\d[\d .]{7,}$)/, keys: ['so_dinh_danh'] },
  { pattern: /^(?:loai giay to|giay to)\b\s*:?\s*/, keys: ['loai_giay_to'] },
  { pattern: /^(?:cap ngay|ngay cap|issued on)\b\s*:?\s*/, keys: ['ngay_cap'] },
  { pattern: /^(?:noi cap|cap tai|cap boi|issued by)\b\s*:?\s*/, keys: ['noi_cap'] },
  { pattern: /^(?:noi cu tru cuoi cung|cu tru cuoi cung)\b\s*:?\s*/, keys: ['noi_cu_tru_cuoi_cung'] },
  { pattern: /^(?:mat tai|mat o|chet tai|noi chet|noi mat|died (?:at|in))\b\s*:?\s*/, keys: ['noi_chet'] },
  { pattern: /^(?:ngay mat|ngay chet|mat ngay|chet ngay|qua doi ngay|died on)\b\s*:?\s*/, keys: ['ngay_chet'] },
  { pattern: /^(?:gio mat|gio chet|luc)\b\s*:?\s*/, keys: ['gio_chet'] },
  { pattern: /^(?:nguyen nhan(?: chet| mat)?|cause(?: of death)?)\b\s*:?\s*/, keys: ['nguyen_nhan_chet'] },
  { pattern: /^(?:so dien thoai|dien thoai|sdt|phone)\b\s*:?\s*/, keys: ['dien_thoai'] },
  { pattern: /^email\s*:?\s*/, keys: ['email'] },
  { pattern: /^(?:ket hon lan thu|lan thu)\b\s*:?\s*/, keys: ['ket_hon_lan_thu'] },
  { pattern: /^(?:quan he(?: voi [a-z ]+?)?|relationship)\b\s*:?\s*(?:la\s+)?/, keys: ['quan_he', 'quan_he_chu_ho'] },
  { pattern: /^(?:noi cu tru|cu tru|thuong tru|tam tru|dia chi|song o|song tai|nha o|o tai|o|tai|lives (?:at|in)|address)\b\s*:?\s*/, keys: ['noi_cu_tru', 'noi_sinh', 'noi_cu_tru_cuoi_cung', 'noi_chet'] },
];

const ETHNICITIES = new Set(['kinh', 'tay', 'thai', 'muong', 'khmer', 'khome', 'hoa', 'nung', 'hmong', 'mong', 'dao', 'gia rai', 'e de', 'ba na', 'cham', 'san diu', 'co ho', 'xo dang', 'san chay', 'hre', 'ra glai', 'tho', 'giay']);
const NATIONALITIES = new Set(['viet nam', 'vietnam', 'vn', 'vietnamese', 'han quoc', 'trung quoc', 'nhat ban', 'lao', 'campuchia', 'my', 'hoa ky', 'phap', 'uc', 'dai loan', 'thai lan', 'korea', 'china', 'japan', 'usa', 'france']);
const GENDER_WORDS = new Set(['nam', 'nu', 'trai', 'gai', 'be trai', 'be gai', 'con trai', 'con gai', 'male', 'female', 'boy', 'girl']);
/** "12/3/24": a day, a month and a two-digit year, which the dialogue reads only with a confirmation. */
export const TWO_DIGIT_YEAR = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2})(?!\d)/;

/** The first candidate whose key a cue names; a year field only for a value that is a year. */
export function pickByKeys(candidates: readonly FieldDef[], keys: readonly string[], value: string): FieldDef | undefined {
  for (const key of keys) {
    const field = candidates.find((f) => fieldKeyOf(f.name) === key);
    if (!field) continue;
    // "sinh 1990" is a year, "sinh 12/3/1990" a date: the value decides between the two birth fields.
    if (field.type === 'year' && !/^\D*\d{4}\D*$/.test(value)) continue;
    return field;
  }
  return undefined;
}

/** The first candidate whose type the value's shape fits. */
export function pickByType(candidates: readonly FieldDef[], text: string, folded: string): FieldDef | undefined {
  const first = (test: (f: FieldDef) => boolean) => candidates.find(test);
  const compact = text.replace(/[\s.]/g, '');
  if (TWO_DIGIT_YEAR.test(text) || /\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}/.test(text) || /\bngay \d{1,2} thang \d{1,2}/.test(folded)) return first((f) => f.type === 'date');
  if (/^\d{12}$/.test(compact) || /^\d{9}$/.test(compact)) return first((f) => f.type === 'id-number');
  if (/^0\d{9}$/.test(compact) || /^\+84\d{9}$/.test(compact)) return first((f) => f.type === 'phone');
  if (/^(19|20)\d{2}$/.test(compact)) return first((f) => f.type === 'year');
  if (/^\d{1,2}(?: ban| lan| copies| copy| times)?$/.test(folded)) return first((f) => f.type === 'number');
  if (/^\S+@\S+\.\S+$/.test(text)) return first((f) => f.type === 'email');
  // "nam" is a sex only when typed so: "năm" (year) and "Việt Nam" are not.
  if (GENDER_WORDS.has(folded) && text.toLowerCase() !== 'năm') return first((f) => f.type === 'select' && fieldKeyOf(f.name) === 'gioi_tinh');
  const select = first((f) => f.type === 'select' && (f.options ?? []).some((o) => [o.value, o.label.vi, o.label.en, ...(o.aliases ?? [])].some((w) => foldWord(w) === folded)));
  if (select) return select;
  if (isRelation(folded)) return first((f) => /^quan_he/.test(fieldKeyOf(f.name)));
  if (ETHNICITIES.has(folded.replace(/^dan toc /, ''))) return first((f) => fieldKeyOf(f.name) === 'dan_toc');
  if (NATIONALITIES.has(folded)) return first((f) => fieldKeyOf(f.name) === 'quoc_tich');
  // A name has no shape of its own ("Nam Định" is capitalised too): names are read in the order they were asked.
  return undefined;
}

function foldWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}
