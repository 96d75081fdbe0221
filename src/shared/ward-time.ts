/** The ward's time zone: "today" for queues, dossiers and form dates is the ward's day, never the machine's. */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: WARD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Zero-padded calendar parts of an instant as seen in the ward. */
export interface WardDateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

/** The calendar parts of an instant in Asia/Ho_Chi_Minh (23:30 UTC is already tomorrow in Vietnam). */
export function wardDateParts(instant: Date): WardDateParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { day: parts.day!, month: parts.month!, year: parts.year!, hour: parts.hour!, minute: parts.minute! };
}

/** The ward day (YYYY-MM-DD in Asia/Ho_Chi_Minh) an instant falls on. */
export function wardDayOf(instant: Date): string {
  const { year, month, day } = wardDateParts(instant);
  return `${year}-${month}-${day}`;
}
