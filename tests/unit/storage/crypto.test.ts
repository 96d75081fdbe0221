import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toClientError } from '../../../src/server/errors.js';
import { CURRENT_KEY_ID, decryptJson, decryptText, encryptJson, encryptText } from '../../../src/storage/crypto.js';

const key = randomBytes(32);

function expectCorrupt(fn: () => unknown): void {
  expect(fn).toThrow(expect.objectContaining({ code: 'storage_corrupt' }));
  // As a client sees it (src/server/errors.ts): the same code with status 500.
  expect(() => asClientSeesSync(fn)).toThrow(expect.objectContaining({ code: 'storage_corrupt', status: 500 }));
}

function asClientSeesSync(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    throw toClientError(error) ?? error;
  }
}

describe('encryptText / decryptText', () => {
  it('round-trips Vietnamese text and never repeats a ciphertext', () => {
    const text = 'Nguyễn Thị Hoa 079123456789';
    const a = encryptText(key, text);
    const b = encryptText(key, text);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(CURRENT_KEY_ID);
    expect(a.includes(Buffer.from(text, 'utf8'))).toBe(false);
    expect(decryptText(key, a)).toBe(text);
    expect(decryptText(key, new Uint8Array(b))).toBe(text);
  });

  it('round-trips the empty string and JSON', () => {
    expect(decryptText(key, encryptText(key, ''))).toBe('');
    expect(decryptJson(key, encryptJson(key, { step: 2, values: { ho_ten: 'Lê Văn A' } }))).toEqual({ step: 2, values: { ho_ten: 'Lê Văn A' } });
  });

  it('reports a flipped ciphertext bit, a flipped tag bit or truncation as storage_corrupt', () => {
    const blob = encryptText(key, 'số định danh 001099012345');
    const body = Buffer.from(blob);
    body[body.length - 1]! ^= 0x01;
    expectCorrupt(() => decryptText(key, body));
    const tag = Buffer.from(blob);
    tag[14]! ^= 0x80;
    expectCorrupt(() => decryptText(key, tag));
    expectCorrupt(() => decryptText(key, blob.subarray(0, 20)));
  });

  it('reports a different key, or an unknown key id, as storage_corrupt', () => {
    const blob = encryptText(key, 'bí mật');
    expectCorrupt(() => decryptText(randomBytes(32), blob));
    const otherId = Buffer.from(blob);
    otherId[0] = 7;
    expectCorrupt(() => decryptText(key, otherId));
  });

  it('refuses a key of the wrong size as a wiring bug', () => {
    expect(() => encryptText(randomBytes(16), 'x')).toThrow(/32 bytes/);
  });
});
