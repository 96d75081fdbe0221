import { describe, expect, it } from 'vitest';
import { checkNewPassword, hashPassword, verifyPassword } from '../../../src/admin/auth/password.js';

describe('scrypt passwords', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const hash = await hashPassword('Mật khẩu của Lan 2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Mật khẩu của Lan 2026', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu của lan 2026', hash)).toBe(false);
    expect(await hashPassword('Mật khẩu của Lan 2026')).not.toBe(hash);
  });

  it('treats composed and decomposed Vietnamese the same', async () => {
    const hash = await hashPassword('Hà Nội mùa thu'.normalize('NFC'));
    expect(await verifyPassword('Hà Nội mùa thu'.normalize('NFD'), hash)).toBe(true);
  });

  it('answers false, never throws, for malformed or hostile hashes', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$1$2$3$4$5', 'scrypt$99999999$8$1$AAAA$AAAA', 'scrypt$32768$8$1$AAAA$AAAA']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('explains what is wrong with a weak new password', () => {
    expect(checkNewPassword('ngan', 'lan')).toEqual(['Mật khẩu cần ít nhất 10 ký tự.']);
    expect(checkNewPassword('lan-2026-mat-khau', 'lan')).toEqual(['Mật khẩu không được chứa tên đăng nhập.']);
    expect(checkNewPassword('mot-cau-dai-de-nho', 'lan')).toEqual([]);
  });
});
