import type { CccdQrData } from '../../forms/extract/cccd-qr.js';
import type { FieldDef, FormDefinition } from '../../forms/types.js';
import { fieldPrefixOf } from './person-words.js';

/**
 * Where the ID card's details go: the section being asked when it is a person with a name and an ID number (the
 * bride, then the groom), else the requester's section.
 */
export function qrTargetPrefix(form: FormDefinition, asking: readonly FieldDef[]): string | undefined {
  const hasPerson = (prefix: string) => ['ho_ten', 'so_dinh_danh'].every((key) => form.fields.some((f) => f.name === `${prefix}.${key}`));
  const asked = asking[0] ? fieldPrefixOf(asking[0].name) : undefined;
  if (asked !== undefined && asked !== '' && hasPerson(asked)) return asked;
  if (hasPerson('nguoi_yeu_cau')) return 'nguoi_yeu_cau';
  return form.fields.map((f) => fieldPrefixOf(f.name)).find((prefix) => prefix !== '' && hasPerson(prefix));
}

/**
 * Maps the card onto one person's fields (`values`), and keeps what that section has no field for (the requester's
 * birth date on a birth registration) as `facts`, so that it can be reused for a parent's year of birth.
 */
export function mapQrToForm(form: FormDefinition, qr: CccdQrData, prefix: string): { values: Record<string, string>; facts: Record<string, string> } {
  const values: Record<string, string> = {};
  const facts: Record<string, string> = {};
  const byKey: Record<string, string> = {
    ho_ten: qr.fullName,
    so_dinh_danh: qr.idNumber,
    ngay_sinh: qr.birthDate,
    gioi_tinh: qr.gender,
    noi_cu_tru: qr.address,
    loai_giay_to: 'can-cuoc-cong-dan',
    ngay_cap: qr.issueDate,
  };
  for (const [key, value] of Object.entries(byKey)) {
    const name = `${prefix}.${key}`;
    if (form.fields.some((f) => f.name === name && !f.derived)) values[name] = value;
    else facts[name] = value;
  }
  return { values, facts };
}
