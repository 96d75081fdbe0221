import { foldForMatch, normalizeText, type Language } from '../../text/index.js';

const fold = foldForMatch;

const YES = /^(co|dong y|ok|oke|okay|vang|u|uh|yes|y|dung|dung roi|xac nhan|duoc|agree|sure|chac chan|dong y a|co a|vang a)( a| nhe| roi)?$/;
const NO = /^(khong|ko|k|no|tu choi|khong dong y|thoi|khong can)( a| nhe)?$/;
const CANCEL = /^(huy|huy bo|thoi khong lam nua|dung lai|cancel|stop|quit|thoat)( a| nhe| di)?$/;
const SKIP = /^(bo qua|skip|khong co|khong biet|de trong|chua co|khong nho|chua ro|khong ro|unknown|none|n a|-)( a| nhe| di)?$/;
const KEEP = /^(giu nguyen|giu nhu cu|de nguyen|viet nhu vay|khong dau|keep( it)?( as (it is|written))?|as written)( a| nhe| di)?$/;
// "bố", "tôi là mẹ của bé", "con ruột", "chính tôi": answers to "what are you to the child / the deceased / the person".
const RELATION = /^(?:(?:toi|minh|em) (?:la )?)?(?:bo|cha|ba|me|ma|ong|ba noi|ba ngoai|ong noi|ong ngoai|anh|chi|em|co|di|chu|bac|cau|mo|thim|chau|con|con trai|con gai|vo|chong|nguoi giam ho|ban than|chinh toi|chinh minh|la toi|toi|chu ho|father|mother|grandfather|grandmother|son|daughter|wife|husband|self|myself|guardian|head of household)(?: (?:ruot|de|nuoi))?(?: (?:cua|of) (?:be|chau|con|tre|nguoi mat|nguoi chet|the child|the deceased))?$/;
const SAME_ADDRESS = /^(?:(?:o )?(?:cung|giong|nhu)(?: dia chi| noi cu tru| cho o| noi o)?(?: (?:tren|cua )?(?:bo|cha|ba|me|toi|nguoi yeu cau|tren|nhau))?|nhu tren|same(?: address)?(?: as (?:above|the father|the mother|mine|me))?)$/;
const LANGUAGE_SWITCH: readonly [RegExp, Language][] = [
  [/^(?:english|in english|english please|tieng anh|noi tieng anh|chuyen sang tieng anh)$/, 'en'],
  [/^(?:tieng viet|vietnamese|in vietnamese|noi tieng viet|chuyen sang tieng viet)$/, 'vi'],
];
const CORRECTION = /^(?:sua|sua lai|doi|doi lai|thay|chinh|chinh lai|correct|change|fix)\s+(.+?)\s+(?:thanh|la|=|to|into|:)\s+(.+)$/;
// "tên mẹ là Lê Thị Hoa", "năm sinh của bố là 1990": field words, then "là", then the value (one clause only).
const STATEMENT = /^((?:ho ten|ho va ten|ten|ngay sinh|nam sinh|noi sinh|gioi tinh|dan toc|quoc tich|que quan|que|noi cu tru|dia chi|so dinh danh|so cccd|cccd|quan he|ngay cap|noi cap|name|date of birth|year of birth|address|nationality|ethnicity)\s+(?:cua\s+|of\s+(?:the\s+)?)?[a-z ]+?)\s+(?:la|is|:)\s+(.+)$/;

/** True for a plain "yes" in Vietnamese or English, with or without diacritics. */
export const isYes = (text: string) => YES.test(fold(text));
/** True for a plain "no". */
export const isNo = (text: string) => NO.test(fold(text));
/** True when the citizen wants to stop filling the form. */
export const isCancel = (text: string) => CANCEL.test(fold(text));
// "tôi không nhớ số định danh", "chưa biết": not knowing, said in a sentence, is a skip too, never a value.
const NOT_KNOWN = /(^| )(khong nho|khong biet|chua biet|chua co|khong co|khong ro|chua ro|dont know|don t know|not sure|unknown)( |$)/;

/** True when the citizen skips the asked (optional) fields. */
export const isSkip = (text: string) => SKIP.test(fold(text));
/** True when one answer says the citizen does not know it ("tôi không nhớ số định danh"). */
export const isNotKnown = (text: string) => isSkip(text) || NOT_KNOWN.test(fold(text));
/** True when the citizen keeps a name as they wrote it ("giữ nguyên"). */
export const isKeepAsWritten = (text: string) => KEEP.test(fold(text));
/** True for an answer naming a relationship ("bố", "mẹ của bé", "chính tôi"). */
export const isRelation = (text: string) => RELATION.test(fold(text));
/** True for "cùng địa chỉ", "như trên", "giống bố": the address of someone already on the form. */
export const readSameAddress = (text: string) => SAME_ADDRESS.test(fold(text));
/** The language the citizen explicitly asks for ("English", "tiếng Việt"), if that is all the message says. */
export function readLanguageSwitch(text: string): Language | undefined {
  const folded = fold(text);
  return LANGUAGE_SWITCH.find(([pattern]) => pattern.test(folded))?.[1];
}

/**
 * A correction such as "sửa họ tên của bé thành Nguyễn Minh Khôi" (or, without a verb, "tên mẹ là Lê Thị Hoa"):
 * the words naming the person and field (folded) and the new value as typed (diacritics kept, taken from the same
 * position of the original text). `explicit` is true when a verb asked for the change.
 */
export function readCorrection(text: string): { fieldWords: string; value: string; explicit: boolean } | undefined {
  const folded = fold(text);
  const verb = CORRECTION.exec(folded);
  const statement = verb || text.includes(',') ? undefined : STATEMENT.exec(folded);
  const match = verb ?? statement;
  if (!match?.[1] || !match[2]) return undefined;
  const original = normalizeText(text).trim();
  // Folding keeps the length of each word, so the value starts at the same word in the original text.
  const valueWords = match[2].split(' ').length;
  const words = text.trim().split(/\s+/);
  const value = words.slice(words.length - valueWords).join(' ');
  return { fieldWords: match[1].replace(/^lai /, ''), value: value || original, explicit: Boolean(verb) };
}
