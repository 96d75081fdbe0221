import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** A temp path beside `file`, unique per process and call so concurrent writers never share one. */
export function tmpPathFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Flushes a written file to disk so a rename never publishes a file whose bytes are still in cache. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to a temp file in the same directory and renames it over `file` (atomic on one filesystem). */
export function writeFileAtomicSync(file: string, data: string): void {
  const tmp = tmpPathFor(file);
  try {
    writeFileSync(tmp, data);
    fsyncFile(tmp);
    renameSync(tmp, file);
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  }
}

/** Hex SHA-256 of a file's bytes. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Deletes a file if present; used to clean temp files after a failed write. */
export function removeQuietly(file: string): void {
  rmSync(file, { force: true });
}
