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

  it('reads a phrase that a longer one continues into something else as part of the longer one', () => {
    const family = compileSynonyms([
      { colloquial: ['nhận con'], official: ['nhận cha, mẹ, con'] },
      { colloquial: ['nhận con nuôi'], official: ['nuôi con nuôi'] },
      { colloquial: ['sang tên sổ'], official: ['đăng ký biến động, chuyển nhượng, thừa kế quyền sử dụng đất'] },
      { colloquial: ['sang tên sổ đỏ'], official: ['chuyển nhượng quyền sử dụng đất'] },
      { colloquial: ['sổ đỏ'], official: ['giấy chứng nhận quyền sử dụng đất'] },
    ]);
    const words = (text: string) => family.match(text.split(' ')).map((s) => s.terms.includes('nuoi_con') ? 'adopt' : s.terms.includes('nhan_cha') ? 'recognise' : s.terms.includes('thua_ke') ? 'transfer+' : s.terms.includes('chuyen_nhuong') ? 'transfer' : 'certificate');
    expect(words('muon nhan con nuoi')).toEqual(['adopt']);
    expect(words('muon nhan con rieng cua chong')).toEqual(['recognise']);
    // The same official words: both count; the words ending the longer phrase count too.
    expect(words('sang ten so do cho con')).toEqual(['transfer+', 'transfer', 'certificate']);
  });
});

describe('LexicalIndex: colloquial phrases in a question', () => {
  it('are found across a noun classifier ("mất cái sổ đỏ") and weigh the story at half', async () => {
    const { LexicalIndex } = await import('../../../../src/retrieval/lexical/lexical-index.js');
    const index = new LexicalIndex([], [{ colloquial: ['mất sổ đỏ'], official: ['cấp lại giấy chứng nhận'] }]);
    const query = index.analyzeQuery('nhà tôi mất cái sổ đỏ rồi');
    expect(query.synonyms.map((s) => s.words.join(' '))).toEqual(['mat so do']);
    const story = index.analyzeQuery('Năm ngoái nhà tôi mất cái sổ đỏ. Giờ làm thế nào?');
    expect(story.terms.find((t) => t.term === 'cap_lai')?.weight).toBeCloseTo(0.4);
    expect(story.terms.find((t) => t.term === 'the_nao')?.weight).toBeGreaterThan(0);
  });
});
