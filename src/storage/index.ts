export type * from './types.js';
export { loadOrCreateKey, parseKeyText, type LoadOrCreateKeyOptions } from './key.js';
export { encryptText, decryptText } from './crypto.js';
export { isStorageError, StorageError, storageCorrupt, storageUnavailable, toStorageError, type StorageErrorCode, type StoredThing } from './errors.js';
export { wardDayOf, WARD_TIME_ZONE } from './ward-day.js';
export { openSqliteStorage, DATABASE_FILE, type OpenSqliteStorageOptions, type StorageFaults } from './sqlite/index.js';
export { openPostgresStorage, type OpenPostgresStorageOptions } from './postgres/index.js';
