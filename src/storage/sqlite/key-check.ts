import type Database from 'better-sqlite3';
import type { Logger } from '../../shared/logger.js';
import { decryptText, encryptText } from '../crypto.js';
import { storageCorrupt } from '../errors.js';

const KEY_CHECK = 'key_check';
const KEY_CHECK_TEXT = 'ward-assistant data key check';

/**
 * Seals a known value with the key on first open and checks it on every later open, so a changed DATA_KEY or a
 * lost key file stops the service at start-up instead of failing every conversation afterwards.
 */
export function verifyDataKey(db: Database.Database, key: Buffer, logger: Logger, { readOnly = false } = {}): void {
  const row = db.prepare<[string], { value: Buffer }>('SELECT value FROM storage_meta WHERE key = ?').get(KEY_CHECK);
  if (!row) {
    // A read-only database without the check was never opened by this release: nothing to compare yet.
    if (readOnly) return;
    db.prepare<[string, Buffer]>('INSERT INTO storage_meta (key, value) VALUES (?, ?)').run(KEY_CHECK, encryptText(key, KEY_CHECK_TEXT));
    return;
  }
  let text: string | undefined;
  try {
    text = decryptText(key, row.value);
  } catch {
    text = undefined;
  }
  if (text !== KEY_CHECK_TEXT) {
    logger.error('the data key does not match this database (DATA_KEY or the key file changed?); refusing to open');
    throw storageCorrupt(new Error('data key does not match the database'));
  }
}
