import { loadConfig, type Config } from '../../config/index.js';
import { createLogger } from '../../shared/logger.js';
import { loadOrCreateKey, openPostgresStorage, openSqliteStorage } from '../../storage/index.js';
import type { Storage } from '../../storage/types.js';

/** Opens the service's database for a command-line tool, with the same settings (DATABASE_URL or DATA_DIR, key) the service uses. */
export async function openStorageForCli(): Promise<{ config: Readonly<Config>; storage: Storage }> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn', pretty: false, destination: process.stderr });
  const key = loadOrCreateKey({ dataKey: config.dataKey, keyFile: config.keyFile, dataDir: config.dataDir, logger });
  // The same database the service uses: with DATABASE_URL, the province's shared PostgreSQL.
  if (config.databaseUrl) return { config, storage: await openPostgresStorage({ url: config.databaseUrl, key, logger }) };
  return { config, storage: await openSqliteStorage({ dataDir: config.dataDir, key, logger }) };
}
