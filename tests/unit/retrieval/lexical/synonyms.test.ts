import { describe, expect, it } from 'vitest';
import { compileSynonyms } from '../../../../src/retrieval/lexical/synonyms.js';

describe('compileSynonyms', () => {
  const matcher = compileSynonyms([
    { colloquial: ['sổ đỏ', 'so hong'], official: ['giấy chứng nhận quyền sử dụng đất'] },
    { colloquial: ['nhập hộ khẩu'], official: ['đăng ký thường trú'] },
  ]);

  it('finds colloquial phrases whatever the diacritics and returns official terms', () => {
    const [match] = matcher.match(['lam', 'so', 'do', 'lan', 'dau']);
    expect(match?.terms).toEqual(expect.arrayContaining(['quyen', 'su_dung', 'dat']));
    expect(matcher.match(['so', 'hong'])).toHaveLength(1);
  });

  it('matches whole phrases only, in order', () => {
    expect(matcher.match(['do', 'so'])).toEqual([]);
    expect(matcher.match(['nhap', 'ho'])).toEqual([]);
    expect(matcher.match(['nhap', 'ho', 'khau', 'cho', 'vo'])[0]?.terms).toContain('thuong_tru');
  });
});
