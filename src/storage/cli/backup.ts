import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/index.js';
import { isAppError } from '../../shared/errors.js';
import { DATABASE_FILE } from '../sqlite/index.js';
import { backupDatabase } from './backup-database.js';
import { isStorageError } from '../errors.js';

const USAGE = 'usage: npm run backup -- <backup file> [--force]   (e.g. npm run backup -- /mnt/usb/ward-2026-03-10.db)';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** `npm run backup -- <file> [--force]`: an online, consistent copy of DATA_DIR/ward.db, safe while the service runs. */
async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const files = argv.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(USAGE);
    return 1;
  }
  const config = loadConfig();
  const report = await backupDatabase({ source: path.join(config.dataDir, DATABASE_FILE), destination: files[0]!, overwrite: force });
  const rows = Object.entries(report.rows)
    .filter(([table]) => table !== 'schema_migrations' && table !== 'storage_meta')
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  console.log(`Backed up ${report.source} → ${report.destination} (${formatBytes(report.bytes)}, integrity ok, ${report.ms} ms).`);
  console.log(`Rows: ${rows}.`);
  const key = config.dataKey ? 'the DATA_KEY setting' : `the key file ${path.resolve(config.keyFile)}`;
  console.log(
    `The data key is NOT in this backup. Keep a copy of ${key} somewhere else than the backup: ` +
      'without the key the personal data in it cannot be read, and whoever holds both can read everything.',
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}${isAppError(error) || isStorageError(error) ? ` (${error.code})` : ''}`);
    process.exit(1);
  },
);
