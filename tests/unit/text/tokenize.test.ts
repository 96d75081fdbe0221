import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/text/index.js';

describe('tokenize', () => {
  it('splits normalized text into syllables', () => {
    expect(tokenize('Đăng ký KẾT HÔN?')).toEqual(['đăng', 'ký', 'kết', 'hôn']);
  });

  it('applies the canonical tone placement', () => {
    expect(tokenize('Hoà giải')).toEqual(tokenize('Hòa giải'));
  });

  it('keeps procedure codes, form codes and document numbers as single tokens', () => {
    expect(tokenize('mã 1.001193, mẫu CT01; Thông tư 53/2025/TT-BCA')).toEqual([
      'mã', '1.001193', 'mẫu', 'ct01', 'thông', 'tư', '53/2025/tt-bca',
    ]);
  });

  it('does not expand abbreviations (analyze does)', () => {
    expect(tokenize('dk tam tru')).toEqual(['dk', 'tam', 'tru']);
  });

  it('returns an empty array for empty or blank input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \n ')).toEqual([]);
    expect(tokenize('🙏🙏')).toEqual([]);
  });

  it('handles 10,000 characters', () => {
    const tokens = tokenize('làm căn cước '.repeat(800).slice(0, 10_000));
    expect(tokens.length).toBeGreaterThan(2_000);
    expect(tokens.every((t) => t.length > 0)).toBe(true);
  });
});
