import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateKey, parseKeyText } from '../../../src/storage/key.js';
import { makeTempDir } from '../../helpers/storage.js';

let root: string;
let cleanup: () => Promise<void>;
let dataDir: string;

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir('ward-key-'));
  dataDir = path.join(root, 'data');
});
afterEach(() => cleanup());

describe('loadOrCreateKey', () => {
  it('creates a 32-byte key file with mode 0600 in a 0700 directory outside the data directory', () => {
    const keyFile = path.join(root, 'secrets', 'nested', 'data.key');
    const key = loadOrCreateKey({ keyFile, dataDir });
    expect(key).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    expect(parseKeyText(readFileSync(keyFile, 'utf8'))?.equals(key)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('reuses the key file on the next start', () => {
    const keyFile = path.join(root, 'secrets', 'data.key');
    const first = loadOrCreateKey({ keyFile, dataDir });
    const second = loadOrCreateKey({ keyFile, dataDir });
    expect(second.equals(first)).toBe(true);
  });

  it('refuses a key file inside the data directory, also through a symlink', () => {
    expect(() => loadOrCreateKey({ keyFile: path.join(dataDir, 'data.key'), dataDir })).toThrow(/must not live beside the database/);
    expect(() => loadOrCreateKey({ keyFile: path.join(dataDir, 'keys', 'data.key'), dataDir })).toThrow(
      expect.objectContaining({ code: 'key_file_inside_data_dir' }),
    );
    mkdirSync(dataDir, { recursive: true });
    symlinkSync(dataDir, path.join(root, 'alias'));
    expect(() => loadOrCreateKey({ keyFile: path.join(root, 'alias', 'data.key'), dataDir })).toThrow(/beside the database/);
    expect(existsSync(path.join(dataDir, 'data.key'))).toBe(false);
  });

  it('accepts a sibling directory whose name merely starts like the data directory', () => {
    const key = loadOrCreateKey({ keyFile: path.join(`${dataDir}-keys`, 'data.key'), dataDir });
    expect(key).toHaveLength(32);
  });

  it('lets DATA_KEY win over the key file, in base64, base64url or hex', () => {
    const keyFile = path.join(root, 'secrets', 'data.key');
    const fileKey = loadOrCreateKey({ keyFile, dataDir });
    const given = randomBytes(32);
    for (const text of [given.toString('base64'), given.toString('base64url'), given.toString('hex'), ` ${given.toString('hex')}\n`]) {
      const key = loadOrCreateKey({ dataKey: text, keyFile, dataDir });
      expect(key.equals(given)).toBe(true);
      expect(key.equals(fileKey)).toBe(false);
    }
  });

  it('does not touch the key file location when DATA_KEY is given', () => {
    const keyFile = path.join(dataDir, 'data.key');
    expect(loadOrCreateKey({ dataKey: randomBytes(32).toString('hex'), keyFile, dataDir })).toHaveLength(32);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('names DATA_KEY in a readable error when it is malformed, without echoing it', () => {
    const keyFile = path.join(root, 'secrets', 'data.key');
    for (const bad of ['not-a-key', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), 'z'.repeat(64)]) {
      let caught: unknown;
      try {
        loadOrCreateKey({ dataKey: bad, keyFile, dataDir });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'data_key_invalid' });
      expect((caught as Error).message).toMatch(/DATA_KEY/);
      expect((caught as Error).message).not.toContain(bad);
    }
    expect(existsSync(keyFile)).toBe(false);
  });

  it('names the key file when its content is malformed', () => {
    const keyFile = path.join(root, 'secrets', 'data.key');
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, 'garbage\n', { mode: 0o600 });
    expect(() => loadOrCreateKey({ keyFile, dataDir })).toThrow(expect.objectContaining({ code: 'key_file_invalid' }));
    expect(() => loadOrCreateKey({ keyFile, dataDir })).toThrow(keyFile);
  });
});
