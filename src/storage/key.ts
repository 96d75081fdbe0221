import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError, operatorError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { errorCodeOf } from './errors.js';
import { KEY_BYTES } from './crypto.js';

export interface LoadOrCreateKeyOptions {
  /** The DATA_KEY setting as given (base64, base64url or hex of 32 bytes); wins over the key file. */
  dataKey?: string;
  /** Where the key is kept when DATA_KEY is not set; must be outside `dataDir`. */
  keyFile: string;
  /** The database directory, which the key must never live in. */
  dataDir: string;
  logger?: Logger;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Decodes 32 key bytes from hex or base64(url) text; undefined when the text is not such a key. */
export function parseKeyText(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!BASE64_KEY.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}

/** Resolves symlinks of the longest existing prefix, so "inside" cannot be dodged through a link. */
function resolveReal(p: string): string {
  const absolute = path.resolve(p);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(resolveReal(parent), path.basename(absolute));
}

/** True when `file` is `dir` itself or anywhere below it. */
export function isInsideDir(dir: string, file: string): boolean {
  const relative = path.relative(resolveReal(dir), resolveReal(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function readKeyFile(keyFile: string, logger?: Logger): Buffer {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    throw operatorError('key_file_unavailable', `Cannot read the key file ${keyFile} (${errorCodeOf(error) ?? 'error'}).`, error);
  }
  const key = parseKeyText(text);
  if (!key) {
    throw operatorError('key_file_invalid', `The key file ${keyFile} is malformed: expected ${KEY_BYTES} bytes as base64 or 64 hex characters.`);
  }
  if ((statSync(keyFile).mode & 0o077) !== 0) logger?.warn({ keyFile }, 'key file is readable by other users; chmod 600 it');
  return key;
}

function writeNewKeyFile(keyFile: string, logger?: Logger): Buffer {
  const dir = path.dirname(keyFile);
  const key = randomBytes(KEY_BYTES);
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      // link() publishes the complete file but, unlike rename(), never replaces a key another process just
      // created — overwriting it would make that process's encrypted rows unreadable.
      linkSync(tmp, keyFile);
    } catch (error) {
      if (errorCodeOf(error) === 'EEXIST') return readKeyFile(keyFile, logger);
      renameSync(tmp, keyFile); // file systems without hard links
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw operatorError('key_file_unavailable', `Cannot create the key file ${keyFile} (${errorCodeOf(error) ?? 'error'}).`, error);
  } finally {
    rmSync(tmp, { force: true });
  }
  logger?.info({ keyFile }, 'created a new data key file; back it up — without it encrypted data is lost');
  return key;
}

/**
 * Returns the 32-byte data key: DATA_KEY if given, else the key file, else a new key file (mode 0600, directory 0700).
 * Refuses a key file inside the data directory: a copied or stolen data directory must not carry its own key.
 */
export function loadOrCreateKey({ dataKey, keyFile, dataDir, logger }: LoadOrCreateKeyOptions): Buffer {
  if (dataKey !== undefined && dataKey.trim() !== '') {
    const key = parseKeyText(dataKey);
    if (!key) {
      throw operatorError(
        'data_key_invalid',
        `Invalid setting DATA_KEY: expected ${KEY_BYTES} bytes as base64 (44 characters) or hex (64 characters), got ${dataKey.trim().length} characters.`,
      );
    }
    return key;
  }
  if (isInsideDir(dataDir, keyFile)) {
    throw operatorError(
      'key_file_inside_data_dir',
      `The key file ${keyFile} is inside the data directory ${dataDir}: the key must not live beside the database. Choose a KEY_FILE outside DATA_DIR or set DATA_KEY.`,
    );
  }
  return existsSync(keyFile) ? readKeyFile(keyFile, logger) : writeNewKeyFile(keyFile, logger);
}
