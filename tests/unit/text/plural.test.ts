import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/text/index.js';
import { singular } from '../../../src/text/plural.js';

describe('singular', () => {
  it.each([
    ['copies', 'copy'],
    ['documents', 'document'],
    ['fees', 'fee'],
    ['addresses', 'address'],
    ['taxes', 'tax'],
    ['marriages', 'marriage'],
    ['parents', 'parent'],
    ['movies', 'movie'],
    ['buses', 'bus'],
    ['families', 'family'],
  ])('%s → %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });

  it('leaves words that only end in "s" as they are', () => {
    for (const word of ['status', 'address', 'business', 'this', 'visa', 'does', 'news', 'bus', 'yes', 'overseas', 'laos', 'series']) expect(singular(word)).toBe(word);
  });

  it('never changes a Vietnamese word, with or without marks', () => {
    expect(analyze('Đăng ký thường trú cho con').folded).toEqual(['dang', 'ky', 'thuong', 'tru', 'cho', 'con']);
    // Abbreviations that end in "s" are spelled out before the rule runs.
    expect(analyze('dkks cho con').folded).not.toContain('dkk');
  });

  it('lets a plural question meet a singular name', () => {
    expect(analyze('certified copies').bigrams).toEqual(analyze('certified copy').bigrams);
  });
});
