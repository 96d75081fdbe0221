import { chmodSync, existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { operatorError } from '../../shared/errors.js';
import { errorCodeOf } from '../errors.js';

export interface BackupDatabaseOptions {
  /** The live database (DATA_DIR/ward.db); the service may be running and writing to it. */
  source: string;
  /** The backup file to write; refused if it exists, unless `overwrite`. */
  destination: string;
  overwrite?: boolean;
}

export interface BackupReport {
  source: string;
  destination: string;
  bytes: number;
  /** Rows per table in the copy, by table name. */
  rows: Record<string, number>;
  ms: number;
}

/** Resolves symlinks of the longest existing prefix, so two spellings of one file compare equal. */
function resolveReal(file: string): string {
  const absolute = path.resolve(file);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(resolveReal(parent), path.basename(absolute));
}

function checkDestination(source: string, destination: string, overwrite: boolean): void {
  const live = [source, `${source}-wal`, `${source}-shm`, `${source}-journal`].map(resolveReal);
  if (live.includes(resolveReal(destination))) {
    throw operatorError('backup_destination_invalid', `The backup destination ${destination} is the live database itself; choose a file elsewhere (ideally on another disk).`);
  }
  const dir = path.dirname(destination);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw operatorError('backup_destination_unwritable', `Cannot write the backup to ${destination}: the folder ${dir} does not exist.`);
  }
  if (existsSync(destination)) {
    if (statSync(destination).isDirectory()) throw operatorError('backup_destination_invalid', `${destination} is a folder; give the backup a file name, e.g. ${path.join(destination, 'ward-backup.db')}.`);
    if (!overwrite) throw operatorError('backup_destination_exists', `${destination} already exists; choose a new name (e.g. with today's date) or pass --force to replace it.`);
  }
}

function removeCopy(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Checks the copy and makes it one self-contained file (no -wal beside it); returns rows per table. */
function verifyCopy(file: string): Record<string, number> {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check of the copy failed: ${String(integrity)}`);
    const tables = copy.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return Object.fromEntries(
      tables.map(({ name }) => [name, (copy.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]),
    );
  } finally {
    copy.close();
  }
}

/**
 * Copies the database online with SQLite's backup API: a consistent snapshot even while the service writes (WAL),
 * checked with `PRAGMA integrity_check`, written beside the destination and renamed into place, mode 0600. The data
 * key is not in the copy (it never is in the database): it must be backed up separately.
 */
export async function backupDatabase({ source, destination, overwrite = false }: BackupDatabaseOptions): Promise<BackupReport> {
  const started = performance.now();
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (!existsSync(from)) {
    throw operatorError('backup_source_missing', `No database at ${from}: check DATA_DIR (the service creates ward.db on its first start).`);
  }
  checkDestination(from, to, overwrite);

  const partial = `${to}.partial-${process.pid}`;
  try {
    // Read-only: the backup never writes to the live database, whatever happens.
    const db = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await db.backup(partial);
    } finally {
      db.close();
    }
    const rows = verifyCopy(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, to);
    return { source: from, destination: to, bytes: statSync(to).size, rows, ms: Math.round(performance.now() - started) };
  } catch (error) {
    removeCopy(partial);
    const code = errorCodeOf(error);
    const reason = error instanceof Error ? error.message : String(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw operatorError('backup_source_corrupt', `${from} is not a readable SQLite database (${code}); it cannot be backed up.`, error);
    }
    throw operatorError('backup_failed', `Cannot write the backup to ${to}: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''}.`, error);
  }
}
