export interface ParseIdNumberOptions {
  /** Also accept a 9-digit CMND when no 12-digit number is present (default true). */
  allowOldCmnd?: boolean;
}

// Digit groups joined by at most one space, dot or hyphen: "001 203 004 567", "001.203.004.567".
const DIGIT_RUN = /\d+(?:[ .-]\d+)*/gu;

/**
 * The personal identity number in a message: 12 digits (or an old 9-digit CMND), possibly written in groups.
 * A 12-digit number wins over a 9-digit one; a 10-digit phone number or an 8-digit date never matches.
 */
export function parseIdNumber(text: string, options: ParseIdNumberOptions = {}): string | undefined {
  const { allowOldCmnd = true } = options;
  let old: string | undefined;
  for (const run of text.normalize('NFKC').match(DIGIT_RUN) ?? []) {
    const chunks = run.split(/[ .-]/u);
    const found12 = findWindow(chunks, 12);
    if (found12) return found12;
    old ??= allowOldCmnd ? findWindow(chunks, 9) : undefined;
  }
  return old;
}

/** Strict form for a field value: separators removed, then exactly 12 digits (or 9 when allowed). */
export function normaliseIdNumber(value: string, allowOldCmnd: boolean): string | undefined {
  const digits = value.normalize('NFKC').trim().replace(/[\s.-]/gu, '');
  if (/^\d{12}$/u.test(digits)) return digits;
  return allowOldCmnd && /^\d{9}$/u.test(digits) ? digits : undefined;
}

// Consecutive groups whose digits add up to exactly `length`: "0912 345 678 001203004567" still yields the ID.
function findWindow(chunks: readonly string[], length: number): string | undefined {
  for (let start = 0; start < chunks.length; start += 1) {
    let joined = '';
    for (let end = start; end < chunks.length && joined.length < length; end += 1) {
      joined += chunks[end];
      if (joined.length === length) return joined;
    }
  }
  return undefined;
}
