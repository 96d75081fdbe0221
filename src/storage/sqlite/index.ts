export { openSqliteStorage, DATABASE_FILE, type OpenSqliteStorageOptions, type StorageFaults } from './open.js';
export { MIGRATIONS, runMigrations } from './migrations.js';
