/**
 * The part of a form definition the print page needs. Structural on purpose: the full definitions in src/forms/
 * satisfy it without this module importing them (a printed dossier only needs labels, order and groups).
 */
export interface LocalizedText {
  vi: string;
  en: string;
}

export interface PrintableField {
  /** Dot path of the value (`ben_nu.ho_ten`, `thanh_vien.0.ho_ten`). */
  name: string;
  label: LocalizedText;
  /** e.g. `text`, `date`, `select`; `date` values in ISO form are printed day-first. */
  type: string;
  required: boolean;
  /** For choice fields the value is a stable code (`nu`); the page prints the option's label (`Nữ`) instead. */
  options?: readonly { value: string; label: LocalizedText }[];
  group?: LocalizedText;
}

export interface PrintableForm {
  id: string;
  title: LocalizedText;
  /** e.g. "Thông tư 04/2024/TT-BTP", printed in small type as the form's origin. */
  legalBasis: string;
  fields: readonly PrintableField[];
}
