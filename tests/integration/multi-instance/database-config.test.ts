/**
 * DATABASE_URL: PostgreSQL for several instances. It is a secret (never echoed), and it requires DATA_KEY — a key
 * file per machine would leave each instance unable to read what the others wrote.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('DATABASE_URL', () => {
  it('is off by default: SQLite in DATA_DIR', () => {
    expect(loadConfig({}, '/srv/ward').databaseUrl).toBeUndefined();
  });

  it('takes postgres:// and postgresql:// URLs with DATA_KEY', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://ward:secret@db:5432/ward', DATA_KEY: KEY }).databaseUrl).toBe('postgres://ward:secret@db:5432/ward');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/ward', DATA_KEY: KEY }).databaseUrl).toBe('postgresql://db/ward');
  });

  it('refuses to start without DATA_KEY, in one line that does not show the URL', () => {
    const run = () => loadConfig({ DATABASE_URL: 'postgres://ward:hunter22@db/ward' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/^DATA_KEY is required with DATABASE_URL/);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter22');
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('names a wrong URL without echoing it', () => {
    const run = () => loadConfig({ DATABASE_URL: 'mysql://ward:hunter22@db/ward', DATA_KEY: KEY });
    expect(run).toThrow(/^Invalid setting DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL$/);
  });
});
