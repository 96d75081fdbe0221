import { describe, expect, it } from 'vitest';
import { createReferenceCode, normalizeReference } from '../../../src/dossiers/reference-code.js';

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FORMAT = /^HS-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/;

describe('createReferenceCode', () => {
  it('makes HS- plus nine unambiguous symbols that pass their own check', () => {
    const codes = new Set<string>();
    for (let index = 0; index < 2000; index += 1) {
      const code = createReferenceCode();
      expect(code).toMatch(FORMAT);
      expect(code).not.toMatch(/[ILOU]/);
      expect(normalizeReference(code)).toBe(code);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('uses all 40 random bits: the payload follows the random bytes exactly', () => {
    expect(createReferenceCode(() => Buffer.alloc(5, 0)).slice(0, 10)).toBe('HS-000-000');
    expect(createReferenceCode(() => Buffer.alloc(5, 0xff)).replace(/-/g, '').slice(2, 10)).toBe('ZZZZZZZZ');
    expect(createReferenceCode(() => Buffer.from([0x08, 0x86, 0x42, 0x98, 0xe8])).replace(/-/g, '').slice(2, 10)).toBe('12345678');
  });
});

describe('normalizeReference', () => {
  const code = createReferenceCode(() => Buffer.from([0x3a, 0x91, 0x0c, 0x7f, 0x25]));

  it('forgives case, spacing, a missing prefix and look-alike letters', () => {
    const bare = code.slice(3).replace(/-/g, '');
    expect(normalizeReference(code.toLowerCase())).toBe(code);
    expect(normalizeReference(` hs ${bare.slice(0, 4)} ${bare.slice(4)} `)).toBe(code);
    expect(normalizeReference(bare)).toBe(code);
    expect(normalizeReference('HS-000-000-000'.replace(/0/g, 'O'))).toBe('HS-000-000-000');
    expect(normalizeReference('hs-lil-000-000')).toBe(normalizeReference('HS-111-000-000'));
  });

  it('rejects wrong lengths and symbols outside the alphabet', () => {
    expect(normalizeReference('')).toBeUndefined();
    expect(normalizeReference('HS-123')).toBeUndefined();
    expect(normalizeReference(`${code}0`)).toBeUndefined();
    expect(normalizeReference(code.replace(/-/g, '').slice(0, -1) + 'U')).toBeUndefined();
    expect(normalizeReference('<script>alert(1)</script>')).toBeUndefined();
  });

  it('catches every single mistyped symbol and every swap of two different neighbours', () => {
    for (let round = 0; round < 50; round += 1) {
      const canonical = createReferenceCode();
      const symbols = canonical.slice(3).replace(/-/g, '');
      for (let position = 0; position < symbols.length; position += 1) {
        for (const replacement of SYMBOLS) {
          if (replacement === symbols[position]) continue;
          const typo = symbols.slice(0, position) + replacement + symbols.slice(position + 1);
          expect(normalizeReference(typo), typo).toBeUndefined();
        }
      }
      for (let position = 0; position + 1 < symbols.length; position += 1) {
        const [a, b] = [symbols[position]!, symbols[position + 1]!];
        // Luhn mod N misses only the swap of the two symbols worth 0 and N-1 (here 0 and Z).
        if (a === b || [a, b].sort().join('') === '0Z') continue;
        const swapped = symbols.slice(0, position) + b + a + symbols.slice(position + 2);
        expect(normalizeReference(swapped), swapped).toBeUndefined();
      }
    }
  });
});
