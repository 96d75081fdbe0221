export { WARD_TIME_ZONE, wardDayOf } from '../shared/ward-time.js';

/** The instant `days` whole days before `instant` (retention cut-offs). */
export function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * 24 * 60 * 60 * 1000);
}
