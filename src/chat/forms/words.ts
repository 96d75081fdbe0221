import { foldForMatch, normalizeText } from '../../text/index.js';

const fold = foldForMatch;

const YES = /^(co|dong y|ok|oke|okay|vang|u|uh|yes|y|dung|dung roi|xac nhan|duoc|agree|sure|chac chan|dong y a|co a|vang a)( a| nhe| roi)?$/;
const NO = /^(khong|ko|k|no|tu choi|khong dong y|thoi|khong can)( a| nhe)?$/;
const CANCEL = /^(huy|huy bo|thoi khong lam nua|dung lai|cancel|stop|quit|thoat)( a| nhe| di)?$/;
const SKIP = /^(bo qua|skip|khong co|khong biet|de trong|chua co|khong nho)( a| nhe)?$/;
const CORRECTION = /^(?:sua|doi|thay|chinh|correct|change)\s+(.+?)\s+(?:thanh|la|=|to|into)\s+(.+)$/;

/** True for a plain "yes" in Vietnamese or English, with or without diacritics. */
export const isYes = (text: string) => YES.test(fold(text));
/** True for a plain "no". */
export const isNo = (text: string) => NO.test(fold(text));
/** True when the citizen wants to stop filling the form. */
export const isCancel = (text: string) => CANCEL.test(fold(text));
/** True when the citizen skips the asked (optional) fields. */
export const isSkip = (text: string) => SKIP.test(fold(text));

/**
 * A correction such as "sửa ngày sinh thành 12/3/2024": the words naming the field (folded) and the new value as
 * typed (diacritics kept, taken from the same position of the original text).
 */
export function readCorrection(text: string): { fieldWords: string; value: string } | undefined {
  const folded = fold(text);
  const match = CORRECTION.exec(folded);
  if (!match?.[1] || !match[2]) return undefined;
  const original = normalizeText(text).trim();
  // Folding keeps the length of each word, so the value starts at the same word in the original text.
  const valueWords = match[2].split(' ').length;
  const words = text.trim().split(/\s+/);
  const value = words.slice(words.length - valueWords).join(' ');
  return { fieldWords: match[1], value: value || original };
}
