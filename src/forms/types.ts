import type { FieldError } from '../shared/errors.js';
import type { CalendarDate } from './calendar.js';

/** Text in the two languages the kiosk speaks. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export type FieldType =
  | 'text'
  | 'name'
  | 'date'
  | 'id-number'
  | 'phone'
  | 'email'
  | 'select'
  | 'number'
  | 'address'
  | 'year';

export interface FieldOption {
  /** Stable code stored in the dossier (`nam`, `nu`, `khai-sinh`). */
  value: string;
  label: LocalizedText;
  /** Other words a citizen may type for this option (matched without diacritics), e.g. `trai`, `male`. */
  aliases?: readonly string[];
}

export interface FieldDef {
  /** Dot path of the value: `nguoi_yeu_cau.ho_ten`, `ben_nu.ngay_sinh`, `thanh_vien.0.ho_ten`. */
  name: string;
  /** Short label as printed under its group heading. */
  label: LocalizedText;
  type: FieldType;
  required: boolean;
  options?: readonly FieldOption[];
  /** A 9-digit CMND is accepted: the person may never have had a new card (a deceased elder). */
  allowOldCmnd?: boolean;
  /** The natural question the chat asks for this field. */
  ask?: LocalizedText;
  /** Section heading on the printable page; also qualifies the label in error messages. */
  group?: LocalizedText;
  /** Bounds for `number` fields (inclusive). */
  min?: number;
  max?: number;
  /** Computed by the validator from another field, never asked (the birth date in words). */
  derived?: { from: string; as: 'date-in-words' };
  /** Filled from the ward's settings and the day (place and date above the signature): the chat never asks it. */
  notAsked?: boolean;
}

/** Normalised dossier values: flat dot paths to strings (ISO dates, digit-only numbers). */
export type FlatValues = Readonly<Record<string, string>>;

export interface RuleContext {
  /** Today in Asia/Ho_Chi_Minh. */
  today: CalendarDate;
  form: FormDefinition;
  /** Fields the person filled in, valid or not: "required when ..." must not fire on a value that was given. */
  provided: ReadonlySet<string>;
  /** The label used in messages, qualified by its group when the label alone is ambiguous. */
  titleOf(name: string): string;
}

/**
 * A check that spans fields. It sees only fields that passed their own checks (an invalid field is absent), so a
 * rule never repeats a field-level error.
 */
export interface CrossFieldRule {
  id: string;
  description: LocalizedText;
  /** The fields the rule reads: the chat explains the rule when it asks one of them. */
  fields?: readonly string[];
  check(values: FlatValues, context: RuleContext): FieldError[];
}

export interface FormDefinition {
  id: string;
  title: LocalizedText;
  /** Curated entry ids whose dossier uses this form. */
  procedureIds: readonly string[];
  /** The circular that issues the form, e.g. "Thông tư 04/2024/TT-BTP". */
  legalBasis: string;
  fields: readonly FieldDef[];
  rules: readonly CrossFieldRule[];
}

export type DossierValidation =
  | { ok: true; values: Record<string, string> }
  | { ok: false; errors: FieldError[] };
