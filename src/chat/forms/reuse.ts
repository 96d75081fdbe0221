import type { FormDefinition } from '../../forms/types.js';
import { foldForMatch } from '../../text/index.js';

/**
 * When the requester is also someone else on the form — the father or mother on a birth registration, the person
 * named in the record ("chính tôi"), the head of household — their details are offered for that section, for a yes.
 */
const RELATIONS: Readonly<Record<string, readonly [RegExp, string][]>> = {
  'to-khai-khai-sinh': [
    [/^(?:toi (?:la )?)?(?:bo|cha|ba|father|the father)(?: (?:ruot|de))?(?: (?:cua be|cua chau|of the child))?$/, 'cha'],
    [/^(?:toi (?:la )?)?(?:me|ma|mother|the mother)(?: (?:ruot|de))?(?: (?:cua be|cua chau|of the child))?$/, 'me'],
  ],
  'to-khai-cap-ban-sao-trich-luc': [[/^(?:ban than|chinh toi|chinh minh|la toi|toi|self|myself|me)$/, 'nguoi_duoc_cap']],
  'ct01-thay-doi-cu-tru': [[/^(?:chu ho|la chu ho|toi la chu ho|ban than|head of household|self)$/, 'chu_ho']],
};

const RELATION_FIELDS = ['nguoi_yeu_cau.quan_he', 'nguoi_yeu_cau.quan_he_chu_ho'];

/** The section the requester's relation points to, if the relation says they are that person. */
export function reuseTarget(form: FormDefinition, values: Readonly<Record<string, string>>): string | undefined {
  const relation = RELATION_FIELDS.map((name) => values[name]).find((value) => value !== undefined);
  if (!relation) return undefined;
  // "bà" (grandmother) folds to "ba", which in the south is "father": the marks decide.
  if (/(^|\s)bà($|\s)/iu.test(relation.normalize('NFC'))) return undefined;
  const folded = foldForMatch(relation);
  return RELATIONS[form.id]?.find(([pattern]) => pattern.test(folded))?.[1];
}

/** The requester's details copied into the target section's empty fields (name, residence, ID, birth date or year). */
export function reuseValues(
  form: FormDefinition,
  target: string,
  values: Readonly<Record<string, string>>,
  facts: Readonly<Record<string, string>>,
): Record<string, string> {
  const from = (key: string) => values[`nguoi_yeu_cau.${key}`] ?? facts[`nguoi_yeu_cau.${key}`];
  const birth = from('ngay_sinh');
  const source: Record<string, string | undefined> = {
    ho_ten: from('ho_ten'),
    noi_cu_tru: from('noi_cu_tru'),
    so_dinh_danh: from('so_dinh_danh'),
    ngay_sinh: birth,
    nam_sinh: birth?.slice(0, 4),
    gioi_tinh: from('gioi_tinh'),
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const name = `${target}.${key}`;
    if (value !== undefined && values[name] === undefined && form.fields.some((f) => f.name === name)) out[name] = value;
  }
  return out;
}
