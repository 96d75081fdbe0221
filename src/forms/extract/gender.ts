import { foldText } from '../text.js';

export type Gender = 'nam' | 'nu';

const MALE = new Set(['nam', 'trai', 'male', 'm', 'boy', 'man']);
const FEMALE = new Set(['nu', 'gai', 'female', 'f', 'girl', 'woman']);
// Words that fold to "nam" without being about gender: "năm" (year, dropped while its accent is still there) and the
// country or region names "Việt Nam", "miền Nam".
const NOISE = /\bviet\s+nam\b|\bmien\s+nam\b/gu;

/**
 * "nam/nữ/trai/gái/male/female" in a reply → `nam` or `nu`; undefined when absent or both appear.
 * Unaccented "nam" counts as male unless the person typed "năm" (year) with its accent.
 */
export function parseGender(text: string): Gender | undefined {
  const words = text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0 && word !== 'năm');
  const folded = foldText(words.join(' ')).replace(NOISE, ' ').split(' ');
  const male = folded.some((word) => MALE.has(word));
  const female = folded.some((word) => FEMALE.has(word));
  if (male === female) return undefined;
  return male ? 'nam' : 'nu';
}
