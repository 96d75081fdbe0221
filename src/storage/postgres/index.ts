export { openPostgresStorage, type OpenPostgresStorageOptions } from './open.js';
export { MIGRATIONS as POSTGRES_MIGRATIONS, runMigrations as runPostgresMigrations } from './migrations.js';
