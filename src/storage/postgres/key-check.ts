import type pg from 'pg';
import type { Logger } from '../../shared/logger.js';
import { decryptText, encryptText } from '../crypto.js';
import { storageCorrupt } from '../errors.js';

const KEY_CHECK = 'key_check';
const KEY_CHECK_TEXT = 'ward-assistant data key check';

/**
 * Seals a known value with the key on first open and checks it on every later open (as ../sqlite/key-check.ts),
 * so an instance started with another DATA_KEY stops at start-up instead of failing every conversation.
 * ON CONFLICT keeps the first instance's value when two start on an empty database at once.
 */
export async function verifyDataKey(client: pg.ClientBase, key: Buffer, logger: Logger): Promise<void> {
  await client.query('INSERT INTO storage_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    KEY_CHECK,
    encryptText(key, KEY_CHECK_TEXT),
  ]);
  const { rows } = await client.query<{ value: Buffer }>('SELECT value FROM storage_meta WHERE key = $1', [KEY_CHECK]);
  let text: string | undefined;
  try {
    text = rows[0] ? decryptText(key, rows[0].value) : undefined;
  } catch {
    text = undefined;
  }
  if (text !== KEY_CHECK_TEXT) {
    logger.error('the data key does not match this database (DATA_KEY or the key file changed?); refusing to open');
    throw storageCorrupt(new Error('data key does not match the database'));
  }
}
