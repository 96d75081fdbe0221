import { createReferenceCode, normalizeReference } from '../dossiers/reference-code.js';
import { openPostgresStorage as openPostgresAdapter, type OpenPostgresStorageOptions as PostgresAdapterOptions } from './postgres/index.js';
import type { ReferenceCodes } from './references.js';
import { openSqliteStorage as openSqliteAdapter, type OpenSqliteStorageOptions as SqliteAdapterOptions } from './sqlite/index.js';
import type { Storage } from './types.js';

/**
 * The storage factory: the one place in storage that reaches outside it, to build what the adapters are given
 * (the dossiers' reference codes), so sqlite/ and postgres/ import nothing but storage's own files and shared/.
 */

/** The dossiers' reference codes (`HS-XXX-XXX-XXX`, src/dossiers/reference-code.ts), as the adapters take them. */
export const DOSSIER_REFERENCE_CODES: ReferenceCodes = {
  create: () => createReferenceCode(),
  normalize: normalizeReference,
};

/** The SQLite adapter's options with the reference codes optional (default: the dossiers' codes). */
export type OpenSqliteStorageOptions = Omit<SqliteAdapterOptions, 'references'> & { references?: ReferenceCodes };

/** The PostgreSQL adapter's options with the reference codes optional (default: the dossiers' codes). */
export type OpenPostgresStorageOptions = Omit<PostgresAdapterOptions, 'references'> & { references?: ReferenceCodes };

/** Opens (creating and migrating as needed) the SQLite database and returns the asynchronous storage over it. */
export function openSqliteStorage(options: OpenSqliteStorageOptions): Promise<Storage> {
  return openSqliteAdapter({ ...options, references: options.references ?? DOSSIER_REFERENCE_CODES });
}

/** Opens (migrating as needed) a PostgreSQL database shared by any number of instances, as the asynchronous storage. */
export function openPostgresStorage(options: OpenPostgresStorageOptions): Promise<Storage> {
  return openPostgresAdapter({ ...options, references: options.references ?? DOSSIER_REFERENCE_CODES });
}
