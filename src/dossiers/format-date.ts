/**
 * Day-first dates in the ward's time zone. Kept here rather than imported from storage so that the print page
 * depends on nothing but its inputs (storage already imports the reference codes from this folder).
 */
const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: WARD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface WardDateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

/** The calendar parts of an instant as seen in Asia/Ho_Chi_Minh, zero-padded. */
export function wardDateParts(instant: Date): WardDateParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { day: parts.day!, month: parts.month!, year: parts.year!, hour: parts.hour!, minute: parts.minute! };
}

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
