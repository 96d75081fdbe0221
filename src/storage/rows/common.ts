/**
 * What the SQLite and PostgreSQL adapters share about rows: timestamp columns arrive as ISO-8601 text from SQLite
 * and as Date from pg, and `new Date(value)` reads both; encrypted columns arrive as bytes from both.
 */
export type Timestamp = string | Date;

/** A Date from a timestamp column (ISO text or Date), or undefined for NULL. */
export function fromTimestamp(value: Timestamp | null): Date | undefined {
  return value === null ? undefined : new Date(value);
}

/** SQL NULL for "no state" (undefined); any other value, null included, as JSON text. */
export function toJsonText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** The decryption both repository contexts offer (`open` / `openJson`), for mappers of encrypted columns. */
export interface RowCrypto {
  open(blob: Uint8Array): string;
  openJson<T>(blob: Uint8Array): T;
}
