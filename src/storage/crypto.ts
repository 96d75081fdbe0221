import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { storageCorrupt } from './errors.js';

/**
 * Encrypted value layout: [key id: 1 byte][IV: 12 bytes][GCM tag: 16 bytes][ciphertext].
 * The key id lets a later release hold several keys (rotation) and pick the right one per value.
 */
export const CURRENT_KEY_ID = 1;
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function assertKey(key: Buffer): void {
  // A wrong-sized key is a wiring bug, not bad data: fail loudly rather than as storage_corrupt.
  if (key.length !== KEY_BYTES) throw new Error(`data key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Encrypts UTF-8 text with AES-256-GCM under a fresh random IV; returns the self-describing blob. */
export function encryptText(key: Buffer, plaintext: string, keyId = CURRENT_KEY_ID): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([keyId]), iv, cipher.getAuthTag(), body]);
}

/** Decrypts a blob made by `encryptText`; a tampered value, or one sealed with another key, throws `storage_corrupt`. */
export function decryptText(key: Buffer, stored: Uint8Array, keyId = CURRENT_KEY_ID): string {
  assertKey(key);
  const blob = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (blob.length < HEADER_BYTES) throw storageCorrupt(new Error('encrypted value is truncated'));
  if (blob[0] !== keyId) throw storageCorrupt(new Error(`encrypted value uses key id ${blob[0]}, expected ${keyId}`));
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(1 + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    // GCM authentication failed: never return the unauthenticated bytes.
    throw storageCorrupt(error);
  }
}

/** Encrypts a JSON-serialisable value. */
export function encryptJson(key: Buffer, value: unknown): Buffer {
  return encryptText(key, JSON.stringify(value));
}

/** Decrypts and parses a JSON value; unparsable content is reported as `storage_corrupt`. */
export function decryptJson<T>(key: Buffer, stored: Uint8Array): T {
  const text = decryptText(key, stored);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw storageCorrupt(error);
  }
}
