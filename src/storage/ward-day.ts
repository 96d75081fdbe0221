/** The ward's time zone: "today" for queues and dates is the ward's day, never the machine's. */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: WARD_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The ward day (YYYY-MM-DD in Asia/Ho_Chi_Minh) that an instant falls on. */
export function wardDayOf(instant: Date): string {
  const parts = Object.fromEntries(dayFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The instant `days` whole days before `instant` (retention cut-offs). */
export function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * 24 * 60 * 60 * 1000);
}
