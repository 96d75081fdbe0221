export type * from './types.js';
export { loadOrCreateKey, parseKeyText, type LoadOrCreateKeyOptions } from './key.js';
export { encryptText, decryptText } from './crypto.js';
export { isStorageError, StorageError, storageCorrupt, storageUnavailable, toStorageError, type StorageErrorCode, type StoredThing } from './errors.js';
export { wardDayOf, WARD_TIME_ZONE } from './ward-day.js';
export { DATABASE_FILE } from './sqlite/index.js';
export type { StorageFaults } from './faults.js';
export type { ReferenceCodes } from './references.js';
export { openSqliteStorage, openPostgresStorage, DOSSIER_REFERENCE_CODES, type OpenSqliteStorageOptions, type OpenPostgresStorageOptions } from './open-storage.js';
