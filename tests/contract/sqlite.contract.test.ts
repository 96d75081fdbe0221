import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/types.js';
import { buildSilentLogger } from '../helpers/logger.js';
import { makeTempDir } from '../helpers/storage.js';
import type { ContractOpenOptions } from './harness.js';
import { describeStorageContract } from './storage.contract.js';

/** `$1`, `$2`, … (the contract's placeholders, each used once, in order) as SQLite's anonymous `?`. */
function toSqlite(sql: string): string {
  return sql.replace(/\$\d+/g, '?');
}

describeStorageContract('sqlite', async (options) => {
  const temp = await makeTempDir();
  const file = path.join(temp.dir, 'data', 'ward.db');
  const key = options.key ?? randomBytes(32);
  const opened: Storage[] = [];
  const open = async (overrides: Partial<ContractOpenOptions> = {}) => {
    const merged = { ...options, key, ...overrides };
    const storage = await openSqliteStorage({
      file,
      key: merged.key,
      logger: merged.logger ?? buildSilentLogger(),
      now: merged.now,
      faults: merged.faults,
      createReference: merged.createReference,
    });
    opened.push(storage);
    return storage;
  };
  const storage = await open();
  const raw = new Database(file);
  return {
    storage,
    key,
    open,
    query: async <R>(sql: string, params: unknown[] = []) => {
      const statement = raw.prepare(toSqlite(sql));
      if (statement.reader) return statement.all(...params) as R[];
      statement.run(...params);
      return [];
    },
    cleanup: async () => {
      raw.close();
      for (const each of opened) await each.close();
      await temp.cleanup();
    },
  };
});
