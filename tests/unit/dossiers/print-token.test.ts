import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPrintTokens, derivePrintKey } from '../../../src/dossiers/print-token.js';

const NOW = new Date('2026-12-04T03:00:00Z');

describe('print links', () => {
  const tokens = createPrintTokens({ key: randomBytes(32) });

  it('open one dossier for 15 minutes, then read as expired', () => {
    const { token, expiresAt } = tokens.issue('HS-ABC-DEF-GHJ', NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(15 * 60_000);
    expect(tokens.read(token, new Date(NOW.getTime() + 14 * 60_000))).toEqual({ reference: 'HS-ABC-DEF-GHJ' });
    expect(tokens.read(token, new Date(NOW.getTime() + 15 * 60_000))).toEqual({ expired: true });
  });

  it('carry no session id and cannot be changed to open another dossier or last longer', () => {
    const { token } = tokens.issue('HS-ABC-DEF-GHJ', NOW);
    const [reference, expires, mac] = token.split('.') as [string, string, string];
    expect(tokens.read(`HS-ABC-DEF-GHK.${expires}.${mac}`, NOW)).toBeUndefined();
    expect(tokens.read(`${reference}.${Number(expires) + 3600}.${mac}`, NOW)).toBeUndefined();
    expect(tokens.read(`${reference}.${expires}.${'A'.repeat(22)}`, NOW)).toBeUndefined();
    for (const junk of ['', 'HS-ABC-DEF-GHJ', '../../etc/passwd', `${token}.x`]) expect(tokens.read(junk, NOW)).toBeUndefined();
  });

  it('are read by every instance that shares the data key, and by no other', () => {
    const dataKey = randomBytes(32);
    const a = createPrintTokens({ key: derivePrintKey(dataKey) });
    const b = createPrintTokens({ key: derivePrintKey(Buffer.from(dataKey)) });
    const other = createPrintTokens({ key: derivePrintKey(randomBytes(32)) });
    const { token } = a.issue('HS-ABC-DEF-GHJ', NOW);
    expect(b.read(token, NOW)).toEqual({ reference: 'HS-ABC-DEF-GHJ' });
    expect(other.read(token, NOW)).toBeUndefined();
    // The derived key is not the data key itself.
    expect(derivePrintKey(dataKey).equals(dataKey)).toBe(false);
  });
});
