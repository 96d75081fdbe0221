import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Logger } from '../../shared/logger.js';
import { verifyDataKey } from './key-check.js';
import { MIGRATIONS, readSchemaVersion } from './migrations.js';
import { storageVersion } from '../errors.js';

// Bytes 18 and 19 of the SQLite header: file format versions, 2 for a WAL database, 1 for a rollback journal.
const HEADER_WRITE_VERSION = 18;
const HEADER_READ_VERSION = 19;

/**
 * Opens an existing database that cannot be written (a read-only mount, a locked-down copy), so the service still
 * answers: every write then fails as SQLITE_READONLY, which the storage maps to `storage_unavailable` and the chat
 * and the workbench refuse politely, as with a full disk (docs/operations.md).
 *
 * A WAL database normally needs its `-shm` file, which a read-only directory cannot create: when SQLite cannot open
 * it in place, the file is read into memory and opened from there (marked as a rollback-journal database, which the
 * in-memory copy is). Its schema must be current — a read-only database cannot be migrated.
 */
export function openReadOnlyDatabase(file: string, key: Buffer, logger: Logger): Database.Database {
  const db = openInPlace(file) ?? openSnapshot(file);
  try {
    db.pragma('foreign_keys = ON');
    const version = readSchemaVersion(db);
    if (version !== MIGRATIONS.length) {
      throw storageVersion(version, MIGRATIONS.length, true);
    }
    verifyDataKey(db, key, logger, { readOnly: true });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openInPlace(file: string): Database.Database | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    return db;
  } catch {
    return undefined;
  }
}

function openSnapshot(file: string): Database.Database {
  const bytes = readFileSync(file);
  if (bytes.length > HEADER_READ_VERSION && bytes[HEADER_WRITE_VERSION] === 2) {
    bytes[HEADER_WRITE_VERSION] = 1;
    bytes[HEADER_READ_VERSION] = 1;
  }
  return new Database(bytes, { readonly: true });
}
