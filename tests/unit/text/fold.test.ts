import { describe, expect, it } from 'vitest';
import { foldDiacritics, hasDiacritics, normalizeText } from '../../../src/text/index.js';

describe('foldDiacritics', () => {
  it('removes tones and the đ stroke', () => {
    expect(foldDiacritics('đăng ký')).toBe('dang ky');
    expect(foldDiacritics('giấy khai sinh')).toBe('giay khai sinh');
  });

  it('removes breve, circumflex and horn', () => {
    expect(foldDiacritics('ư ơ ă â ê ô')).toBe('u o a a e o');
    expect(foldDiacritics('người được ủy quyền')).toBe('nguoi duoc uy quyen');
  });

  it('folds every tone on every vowel', () => {
    expect(foldDiacritics('àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy',
    );
  });

  it('keeps case, so Đ becomes D (and d after normalizeText)', () => {
    expect(foldDiacritics('Đ')).toBe('D');
    expect(foldDiacritics('ĐĂNG KÝ')).toBe('DANG KY');
    expect(foldDiacritics(normalizeText('Đ'))).toBe('d');
  });

  it('accepts decomposed input', () => {
    expect(foldDiacritics('Hòa'.normalize('NFD'))).toBe('Hoa');
  });

  it('leaves plain text and empty text alone', () => {
    expect(foldDiacritics('ct01 abc')).toBe('ct01 abc');
    expect(foldDiacritics('')).toBe('');
  });
});

describe('hasDiacritics', () => {
  it('is true for any mark, false otherwise', () => {
    expect(hasDiacritics('tạm')).toBe(true);
    expect(hasDiacritics('đi')).toBe(true);
    expect(hasDiacritics('ư')).toBe(true);
    expect(hasDiacritics('tam')).toBe(false);
    expect(hasDiacritics('')).toBe(false);
  });
});
