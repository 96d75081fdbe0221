// Mobile numbers: 0 + 9 digits with a mobile prefix (03, 05, 07, 08, 09); landlines: 02 + 9 digits. "+84" or "84"
// replaces the leading 0 when dialled from abroad.
const NATIONAL = /^(?:0[35789]\d{8}|02\d{9})$/u;
const DIGIT_RUN = /\+?\d+(?:[ .\-()]{1,2}\d+)*/gu;

/** Strict form for a field value: "+84 912 345 678" → "0912345678"; undefined if not a Vietnamese number. */
export function normalisePhone(value: string): string | undefined {
  const compact = value.normalize('NFKC').trim().replace(/[\s.\-()]/gu, '');
  const national = /^\+?84\d{9,10}$/u.test(compact) ? `0${compact.replace(/^\+?84/u, '')}` : compact;
  return NATIONAL.test(national) ? national : undefined;
}

/** The first Vietnamese phone number in a message, in national form ("0912345678"). */
export function parsePhone(text: string): string | undefined {
  for (const run of text.normalize('NFKC').match(DIGIT_RUN) ?? []) {
    const phone = normalisePhone(run);
    if (phone) return phone;
  }
  return undefined;
}
