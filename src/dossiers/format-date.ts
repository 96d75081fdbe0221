/** Day-first dates in the ward's time zone, for the print page. */
import { wardDateParts } from '../shared/ward-time.js';

export { wardDateParts, type WardDateParts } from '../shared/ward-time.js';

/** dd/mm/yyyy of an instant in the ward's zone. */
export function formatWardDate(instant: Date): string {
  const { day, month, year } = wardDateParts(instant);
  return `${day}/${month}/${year}`;
}

/** dd/mm/yyyy HH:mm of an instant in the ward's zone. */
export function formatWardDateTime(instant: Date): string {
  const { hour, minute } = wardDateParts(instant);
  return `${formatWardDate(instant)} ${hour}:${minute}`;
}

/** A stored date value shown day-first: ISO `yyyy-mm-dd` becomes `dd/mm/yyyy`; anything else is kept as written. */
export function formatDateValue(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}
