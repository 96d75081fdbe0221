import { describe, expect, it } from 'vitest';
import { normalizeToneMarks, normalizeText, placeToneMark } from '../../../src/text/index.js';

describe('placeToneMark', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['hoả', 'hỏa'],
    ['hoã', 'hõa'],
    ['hoạ', 'họa'],
    ['thuý', 'thúy'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['loè', 'lòe'],
    ['uỷ', 'ủy'],
    ['oà', 'òa'],
    ['qúy', 'quý'],
    ['qùa', 'quà'],
    ['gìa', 'già'],
    ['gịa', 'giạ'],
  ])('moves the old placement %s to %s', (input, expected) => {
    expect(placeToneMark(input)).toBe(expected);
  });

  it.each([
    'hòa', 'hóa', 'thủy', 'khỏe', 'ủy', 'quý', 'quà', 'quỹ', 'giúp', 'già', 'giữa', 'giường', 'giỏi', 'gì', 'gìn',
    'người', 'quyết', 'quyển', 'quỳnh', 'khuỷu', 'ngoài', 'khoái', 'hoàng', 'toán', 'huỳnh', 'thuở', 'mùa', 'mía',
    'tài', 'gửi', 'hưu', 'yếu', 'thuế', 'khuấy', 'ngoẹo', 'đăng', 'ký',
  ])('leaves the canonical %s unchanged', (word) => {
    expect(placeToneMark(word)).toBe(word);
  });

  it('keeps the case of each letter', () => {
    expect(placeToneMark('HOÀ')).toBe('HÒA');
    expect(placeToneMark('Thuỷ')).toBe('Thủy');
  });

  it('leaves words without a tone, with two tones, or not shaped like one syllable alone', () => {
    expect(placeToneMark('hoa')).toBe('hoa');
    expect(placeToneMark('hoàà')).toBe('hoàà');
    expect(placeToneMark('niño')).toBe('niño');
    expect(placeToneMark('café')).toBe('café');
    expect(placeToneMark('')).toBe('');
  });

  it('accepts decomposed (NFD) input', () => {
    expect(placeToneMark('hoà'.normalize('NFD'))).toBe('hòa');
  });
});

describe('normalizeToneMarks', () => {
  it('fixes every word and keeps what lies between words', () => {
    expect(normalizeToneMarks('Hoà giải, thuỷ lợi!')).toBe('Hòa giải, thủy lợi!');
  });
});

describe('old and new placements compare equal after normalizeText', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['hoả', 'hỏa'],
    ['thuý', 'thúy'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['loè', 'lòe'],
    ['uỷ', 'ủy'],
    ['qúy', 'quý'],
    ['Hoà giải', 'Hòa giải'],
    ['Uỷ ban nhân dân', 'ỦY BAN NHÂN DÂN'],
    ['sức khoẻ', 'sức khỏe'],
  ])('%s == %s', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
  });

  it('keeps quý and giúp as they are', () => {
    expect(normalizeText('quý')).toBe('quý');
    expect(normalizeText('giúp')).toBe('giúp');
  });
});
