import { ct01ThayDoiCuTru } from './definitions/ct01-thay-doi-cu-tru.js';
import { toKhaiCapBanSaoTrichLuc } from './definitions/to-khai-cap-ban-sao-trich-luc.js';
import { toKhaiKetHon } from './definitions/to-khai-ket-hon.js';
import { toKhaiKhaiSinh } from './definitions/to-khai-khai-sinh.js';
import { toKhaiKhaiTu } from './definitions/to-khai-khai-tu.js';
import type { FormDefinition } from './types.js';

// Frozen deeply: definitions are shared by every session and request, and a caller mutating one would change the
// form for everybody.
const FORMS: readonly FormDefinition[] = [
  toKhaiKhaiSinh,
  toKhaiKhaiTu,
  toKhaiKetHon,
  ct01ThayDoiCuTru,
  toKhaiCapBanSaoTrichLuc,
].map(deepFreeze);

const BY_ID = new Map(FORMS.map((form) => [form.id, form]));

/** Every form the kiosk can pre-fill, in a stable order. */
export function listForms(): readonly FormDefinition[] {
  return FORMS;
}

/** The form with this id, or undefined. */
export function getForm(id: string): FormDefinition | undefined {
  return BY_ID.get(id);
}

/** The forms a curated procedure entry's dossier uses (usually one, none for most procedures). */
export function formsForProcedure(entryId: string): FormDefinition[] {
  return FORMS.filter((form) => form.procedureIds.includes(entryId));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
