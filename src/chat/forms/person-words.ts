import type { FieldDef, FormDefinition } from '../../forms/types.js';

/**
 * The words citizens use for the people on a form and for its items, folded (no diacritics), and the field paths
 * they point to. "của bé", "mẹ", "tôi" name a section (its prefix); "họ tên", "năm sinh" name a field (its last
 * segment). docs/protocol.md explains how a correction is resolved with both.
 */

// Longest first: "nguoi di khai" must win over "nguoi".
const PERSON_PREFIXES: readonly [string, readonly string[]][] = [
  ['nguoi yeu cau', ['nguoi_yeu_cau']],
  ['nguoi di khai', ['nguoi_yeu_cau']],
  ['nguoi ke khai', ['nguoi_yeu_cau']],
  ['nguoi khai', ['nguoi_yeu_cau']],
  ['nguoi chet', ['nguoi_chet']],
  ['nguoi mat', ['nguoi_chet']],
  ['nguoi da mat', ['nguoi_chet']],
  ['nguoi qua co', ['nguoi_chet']],
  ['nguoi duoc cap', ['nguoi_duoc_cap']],
  ['nguoi trong giay', ['nguoi_duoc_cap']],
  ['chu ho', ['chu_ho']],
  ['ben nu', ['ben_nu']],
  ['ben nam', ['ben_nam']],
  ['co dau', ['ben_nu']],
  ['chu re', ['ben_nam']],
  ['vo', ['ben_nu']],
  ['chong', ['ben_nam']],
  ['be', ['tre']],
  ['con', ['tre']],
  ['chau', ['tre']],
  ['tre', ['tre']],
  ['em be', ['tre']],
  ['me', ['me']],
  ['ma', ['me']],
  ['bo', ['cha']],
  ['cha', ['cha']],
  ['ba', ['cha']],
  ['toi', ['nguoi_yeu_cau']],
  ['minh', ['nguoi_yeu_cau']],
  ['em', ['nguoi_yeu_cau']],
  ['child', ['tre']],
  ['baby', ['tre']],
  ['mother', ['me']],
  ['father', ['cha']],
  ['bride', ['ben_nu']],
  ['groom', ['ben_nam']],
  ['deceased', ['nguoi_chet']],
  ['requester', ['nguoi_yeu_cau']],
  ['my', ['nguoi_yeu_cau']],
];

// Field words → last path segments, longest first.
const FIELD_KEYS: readonly [string, readonly string[]][] = [
  ['ho chu dem ten', ['ho_ten']],
  ['ho va ten', ['ho_ten']],
  ['ho ten', ['ho_ten']],
  ['full name', ['ho_ten']],
  ['name', ['ho_ten']],
  ['ten', ['ho_ten']],
  ['ngay thang nam sinh', ['ngay_sinh']],
  ['ngay sinh', ['ngay_sinh']],
  ['sinh ngay', ['ngay_sinh']],
  ['date of birth', ['ngay_sinh']],
  ['birth date', ['ngay_sinh']],
  ['nam sinh', ['nam_sinh', 'ngay_sinh']],
  ['sinh nam', ['nam_sinh', 'ngay_sinh']],
  ['year of birth', ['nam_sinh', 'ngay_sinh']],
  ['noi sinh', ['noi_sinh']],
  ['sinh o', ['noi_sinh']],
  ['sinh tai', ['noi_sinh']],
  ['place of birth', ['noi_sinh']],
  ['noi cu tru cuoi cung', ['noi_cu_tru_cuoi_cung']],
  ['noi cu tru', ['noi_cu_tru', 'noi_cu_tru_cuoi_cung']],
  ['cu tru', ['noi_cu_tru', 'noi_cu_tru_cuoi_cung']],
  ['thuong tru', ['noi_cu_tru']],
  ['dia chi', ['noi_cu_tru', 'noi_cu_tru_cuoi_cung']],
  ['cho o', ['noi_cu_tru']],
  ['noi o', ['noi_cu_tru']],
  ['address', ['noi_cu_tru', 'noi_cu_tru_cuoi_cung']],
  ['residence', ['noi_cu_tru', 'noi_cu_tru_cuoi_cung']],
  ['gioi tinh', ['gioi_tinh']],
  ['sex', ['gioi_tinh']],
  ['gender', ['gioi_tinh']],
  ['dan toc', ['dan_toc']],
  ['ethnicity', ['dan_toc']],
  ['quoc tich', ['quoc_tich']],
  ['nationality', ['quoc_tich']],
  ['que quan', ['que_quan']],
  ['que', ['que_quan']],
  ['home town', ['que_quan']],
  ['so dinh danh', ['so_dinh_danh']],
  ['so can cuoc', ['so_dinh_danh']],
  ['so cccd', ['so_dinh_danh']],
  ['cccd', ['so_dinh_danh']],
  ['cmnd', ['so_dinh_danh']],
  ['can cuoc', ['so_dinh_danh']],
  ['id number', ['so_dinh_danh']],
  ['loai giay to', ['loai_giay_to']],
  ['giay to', ['loai_giay_to']],
  ['ngay cap', ['ngay_cap']],
  ['noi cap', ['noi_cap']],
  ['quan he voi chu ho', ['quan_he_chu_ho']],
  ['quan he', ['quan_he', 'quan_he_chu_ho']],
  ['relationship', ['quan_he', 'quan_he_chu_ho']],
  ['dien thoai', ['dien_thoai']],
  ['so dien thoai', ['dien_thoai']],
  ['phone', ['dien_thoai']],
  ['email', ['email']],
  ['ngay chet', ['ngay_chet']],
  ['ngay mat', ['ngay_chet']],
  ['gio chet', ['gio_chet']],
  ['gio mat', ['gio_chet']],
  ['noi chet', ['noi_chet']],
  ['noi mat', ['noi_chet']],
  ['nguyen nhan', ['nguyen_nhan_chet']],
  ['ket hon lan thu', ['ket_hon_lan_thu']],
  ['lan ket hon', ['ket_hon_lan_thu']],
  ['kinh gui', ['kinh_gui']],
  ['so ban sao', ['so_ban_sao']],
  ['muc dich', ['muc_dich']],
  ['noi dang ky', ['noi_dang_ky']],
  ['ngay dang ky', ['ngay_dang_ky']],
  ['so dang ky', ['so_dang_ky']],
  ['noi dung', ['noi_dung_de_nghi']],
];

const prefixOf = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
const keyOf = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** The section prefixes a person word names in this form (`be` → `tre`), longest phrase first; undefined if none. */
export function findPerson(form: FormDefinition, folded: string): { prefixes: string[]; phrase: string } | undefined {
  const prefixes = new Set(form.fields.map((f) => prefixOf(f.name)));
  for (const [phrase, targets] of [...PERSON_PREFIXES].sort((a, b) => b[0].length - a[0].length)) {
    if (!new RegExp(`(^| )${phrase}( |$)`).test(folded)) continue;
    const present = targets.filter((t) => prefixes.has(t));
    if (present.length > 0) return { prefixes: present, phrase };
  }
  return undefined;
}

/** The section prefix a phrase names exactly (`me` → `me`, `nguoi di khai` → `nguoi_yeu_cau`) in this form. */
export function personPrefix(form: FormDefinition, phrase: string): string | undefined {
  const prefixes = new Set(form.fields.map((f) => prefixOf(f.name)));
  return PERSON_PREFIXES.find(([words]) => words === phrase)?.[1].find((t) => prefixes.has(t));
}

/** The field keys that field words name (`ho ten` → `ho_ten`), with the phrase found; undefined if none. */
export function findFieldKeys(folded: string): { keys: readonly string[]; phrase: string } | undefined {
  const sorted = [...FIELD_KEYS].sort((a, b) => b[0].length - a[0].length);
  for (const [phrase, keys] of sorted) {
    if (new RegExp(`(^| )${phrase}( |$)`).test(folded)) return { keys, phrase };
  }
  return undefined;
}

/**
 * The fields of a form that "person words + field words" name: "họ tên của bé" → `tre.ho_ten`. Without a person,
 * every field with that key; without field words, nothing.
 */
export function resolveFieldWords(form: FormDefinition, folded: string): FieldDef[] {
  const field = findFieldKeys(folded);
  if (!field) return [];
  // The person is looked for outside the field phrase: "ten" in "ho ten" is not "ten" of a person.
  const rest = folded.replace(new RegExp(`(^| )${field.phrase}( |$)`), ' ').trim();
  const person = findPerson(form, rest);
  // Household members after the first are never asked, so never corrected by words either.
  const askable = form.fields.filter((f) => !f.derived && !f.notAsked && !/\.[1-9]\d*\./.test(f.name));
  for (const key of field.keys) {
    const matches = askable.filter((f) => keyOf(f.name) === key && (!person || person.prefixes.includes(prefixOf(f.name))));
    if (matches.length > 0) return matches;
  }
  return [];
}

export { keyOf as fieldKeyOf, prefixOf as fieldPrefixOf };
