import { ABBREVIATIONS } from '../../text/index.js';

/** Vietnamese names of letters, used to spell an acronym nobody reads as a word ("CSGT" → "xê ét giê tê"). */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  a: 'a', ă: 'á', â: 'ớ', b: 'bê', c: 'xê', d: 'dê', đ: 'đê', e: 'e', ê: 'ê', f: 'ép', g: 'giê', h: 'hát', i: 'i',
  j: 'gi', k: 'ca', l: 'e lờ', m: 'em mờ', n: 'en nờ', o: 'o', ô: 'ô', ơ: 'ơ', p: 'pê', q: 'quy', r: 'e rờ', s: 'ét',
  t: 'tê', u: 'u', ư: 'ư', v: 'vê', w: 'vê kép', x: 'ích', y: 'i dài', z: 'dét',
};

/**
 * Acronyms and abbreviations as they are said aloud at a ward counter. Keys are matched as whole tokens,
 * case-sensitively, so "P." (phường) does not touch a sentence ending in "p." and "TP." is not "tp".
 */
export const SPOKEN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'ủy ban nhân dân',
  HĐND: 'hội đồng nhân dân',
  CCCD: 'căn cước công dân',
  CMND: 'chứng minh nhân dân',
  VNeID: 'vê en e ai đi',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  BHTN: 'bảo hiểm thất nghiệp',
  TTHC: 'thủ tục hành chính',
  'NĐ-CP': 'nghị định của chính phủ',
  NĐ: 'nghị định',
  QĐ: 'quyết định',
  TT: 'thông tư',
  QH: 'quốc hội',
  CP: 'chính phủ',
  BTP: 'bộ tư pháp',
  BCA: 'bộ công an',
  BTC: 'bộ tài chính',
  BXD: 'bộ xây dựng',
  'BTNMT': 'bộ tài nguyên và môi trường',
  'BLĐTBXH': 'bộ lao động thương binh và xã hội',
  'LĐTBXH': 'lao động thương binh và xã hội',
  TTg: 'thủ tướng',
  UBTVQH: 'ủy ban thường vụ quốc hội',
  'TP.': 'thành phố',
  TP: 'thành phố',
  'Q.': 'quận',
  'P.': 'phường',
  'X.': 'xã',
  'TX.': 'thị xã',
  'TT.': 'thị trấn',
  'H.': 'huyện',
  'Tp.': 'thành phố',
  HCM: 'hồ chí minh',
  'TP.HCM': 'thành phố hồ chí minh',
  'TP.HN': 'thành phố hà nội',
  VN: 'việt nam',
  'VNĐ': 'đồng',
  VND: 'đồng',
  PCCC: 'phòng cháy chữa cháy',
  GCN: 'giấy chứng nhận',
  QSDĐ: 'quyền sử dụng đất',
  MST: 'mã số thuế',
  CA: 'công an',
  CAND: 'công an nhân dân',
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  SĐT: 'số điện thoại',
  ĐT: 'điện thoại',
  STK: 'số tài khoản',
  QR: 'quy ar',
  PDF: 'pê đê ép',
  'Email': 'i meo',
  email: 'i meo',
  online: 'ôn lai',
  Online: 'ôn lai',
  website: 'goép sai',
  Website: 'goép sai',
  OTP: 'ô tê pê',
  ID: 'ai đi',
  'v.v.': 'vân vân',
  'v.v': 'vân vân',
  'STT': 'số thứ tự',
  'GPLX': 'giấy phép lái xe',
  'HĐLĐ': 'hợp đồng lao động',
  'ĐKKD': 'đăng ký kinh doanh',
};

/** Spells a token letter by letter with Vietnamese letter names; digits are read one by one by the caller. */
export function spellLetters(token: string): string {
  return [...token.toLowerCase()]
    .map((ch) => LETTER_NAMES[ch] ?? LETTER_NAMES[foldLetter(ch)] ?? '')
    .filter(Boolean)
    .join(' ');
}

function foldLetter(ch: string): string {
  return ch === 'đ' ? 'đ' : ch.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The spoken form of a token: the ward table first, then the text kit's abbreviations for all-capital tokens of
 * three letters or more (chat shorthands like "dc" are too ambiguous in lower case), else undefined.
 */
export function lookupAbbreviation(token: string): string | undefined {
  const own = SPOKEN_ABBREVIATIONS[token];
  if (own !== undefined) return own;
  if (token.length >= 3 && token === token.toUpperCase() && /^\p{Lu}+$/u.test(token)) return ABBREVIATIONS[token.toLowerCase()];
  return undefined;
}
