/** A parser's answer: the structured value, or why the official text could not be read with confidence. */
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Wraps a value read with confidence. */
export function succeed<T>(value: T): ParseOutcome<T> {
  return { ok: true, value };
}

/** Reports that the text must be kept verbatim, and why. */
export function fail<T>(reason: string): ParseOutcome<T> {
  return { ok: false, reason };
}
