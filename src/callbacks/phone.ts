/**
 * A Vietnamese phone number as written by a person ("0912 345 678", "+84 912.345.678", "(024) 3825 1234"), as the
 * ten or eleven digits an official dials (`0912345678`); undefined when it is not one. Mobile numbers have 10
 * digits (0 + 9), landlines 11 (02x + 8).
 */
export function normalizePhone(text: string): string | undefined {
  const compact = text.trim().replace(/[\s.\-()]/g, '');
  const match = /^(?:\+84|0084|84|0)([1-9]\d{8,9})$/.exec(compact);
  if (!match) return undefined;
  const national = `0${match[1]}`;
  // 11 digits only for landlines (02…); a mobile number is 10 digits.
  if (national.length === 11 && !national.startsWith('02')) return undefined;
  return national;
}
