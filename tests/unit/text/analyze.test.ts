import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/text/index.js';

describe('analyze', () => {
  it('builds folded unigrams and "_"-joined bigrams', () => {
    const result = analyze('Đăng ký kết hôn');
    expect(result.tokens).toEqual(['đăng', 'ký', 'kết', 'hôn']);
    expect(result.folded).toEqual(['dang', 'ky', 'ket', 'hon']);
    expect(result.unigrams).toEqual(['dang', 'ky', 'ket', 'hon']);
    expect(result.bigrams).toEqual(['dang_ky', 'ky_ket', 'ket_hon']);
  });

  it('adds "="-prefixed exact terms for text written with marks', () => {
    const result = analyze('Đăng ký kết hôn');
    expect(result.exactUnigrams).toEqual(['=đăng', '=ký', '=kết', '=hôn']);
    expect(result.exactBigrams).toEqual(['=đăng_ký', '=ký_kết', '=kết_hôn']);
  });

  it('has no exact terms for text written without marks, but the same folded terms', () => {
    const plain = analyze('dang ky ket hon');
    const marked = analyze('đăng ký kết hôn');
    expect(plain.exactUnigrams).toEqual([]);
    expect(plain.exactBigrams).toEqual([]);
    expect(plain.unigrams).toEqual(marked.unigrams);
    expect(plain.bigrams).toEqual(marked.bigrams);
  });

  it('gives an unmarked word an exact term when most of the text is marked', () => {
    expect(analyze('thủ tục cho con').exactUnigrams).toEqual(['=thủ', '=tục', '=cho', '=con']);
  });

  it('gives exact terms only to marked words when most of the text is unmarked', () => {
    const result = analyze('thu tuc tam tru o đâu');
    expect(result.exactUnigrams).toEqual(['=đâu']);
    expect(result.exactBigrams).toEqual([]);
  });

  it('expands abbreviations before forming bigrams', () => {
    const result = analyze('dk tam tru');
    expect(result.tokens).toEqual(['đăng', 'ký', 'tam', 'tru']);
    expect(result.bigrams).toEqual(['dang_ky', 'ky_tam', 'tam_tru']);
    expect(result.exactUnigrams).toEqual([]);
  });

  it('lets an expansion inherit the marks of the token it came from', () => {
    const result = analyze('đk tam tru');
    expect(result.exactUnigrams).toEqual(['=đăng', '=ký']);
    expect(result.exactBigrams).toEqual(['=đăng_ký']);
  });

  it('finds căn cước công dân in "lam cccd o dau"', () => {
    const result = analyze('lam cccd o dau');
    expect(result.bigrams).toContain('can_cuoc');
    expect(result.bigrams).toContain('cuoc_cong');
    expect(result.bigrams).toContain('cong_dan');
  });

  it('makes old and new tone placement produce identical terms', () => {
    expect(analyze('Hoà giải ở phường').terms).toEqual(analyze('Hòa giải ở phường').terms);
    expect(analyze('UỶ BAN').terms).toContain('=ủy_ban');
  });

  it('honours exact: always and exact: never', () => {
    expect(analyze('dang ky', { exact: 'always' }).exactUnigrams).toEqual(['=dang', '=ky']);
    expect(analyze('đăng ký', { exact: 'never' }).exactUnigrams).toEqual([]);
    expect(analyze('đăng ký', { exact: 'never' }).exactBigrams).toEqual([]);
  });

  it('keeps codes as single terms and ignores them when judging marks', () => {
    const result = analyze('Mẫu CT01 thủ tục 1.001193');
    expect(result.unigrams).toEqual(['mau', 'ct01', 'thu', 'tuc', '1.001193']);
    expect(result.bigrams).toContain('mau_ct01');
    expect(result.exactUnigrams).toContain('=ct01');
  });

  it('concatenates all four kinds into terms and keeps duplicates', () => {
    const result = analyze('hộ khẩu hộ khẩu');
    expect(result.unigrams).toEqual(['ho', 'khau', 'ho', 'khau']);
    expect(result.terms).toEqual([
      ...result.unigrams,
      ...result.bigrams,
      ...result.exactUnigrams,
      ...result.exactBigrams,
    ]);
    expect(result.terms.filter((t) => t === 'ho_khau')).toHaveLength(2);
  });

  it('has no bigrams for a single token', () => {
    const result = analyze('CCCD');
    expect(result.unigrams).toEqual(['can', 'cuoc', 'cong', 'dan']);
    expect(analyze('phường').bigrams).toEqual([]);
    expect(analyze('phường').exactUnigrams).toEqual(['=phường']);
  });

  it('never starts a folded term with "="', () => {
    const { unigrams, bigrams } = analyze('= = =kết hôn ==');
    expect([...unigrams, ...bigrams].some((t) => t.startsWith('='))).toBe(false);
  });

  it.each(['', '   ', '\n\t', '?!.', '🙏'])('returns empty arrays for %j', (text) => {
    expect(analyze(text)).toEqual({
      tokens: [],
      folded: [],
      unigrams: [],
      bigrams: [],
      exactUnigrams: [],
      exactBigrams: [],
      terms: [],
    });
  });

  it('handles 10,000 characters', () => {
    const text = 'Đăng ký tạm trú cho người thuê trọ, dk ở đâu? '.repeat(250).slice(0, 10_000);
    const result = analyze(text);
    expect(result.unigrams.length).toBeGreaterThan(1_500);
    expect(result.bigrams.length).toBeGreaterThan(1_000);
    expect(result.bigrams).not.toContain('tro_dang');
  });

  it('forms no phrase across a sentence or clause mark, nor with the particle that closes a question', () => {
    expect(analyze('ở đâu, có phải đi giám định lại từ đầu không? cảm ơn').bigrams).toEqual(
      ['o_dau', 'co_phai', 'phai_di', 'di_giam', 'giam_dinh', 'dinh_lai', 'lai_tu', 'tu_dau', 'cam_on'],
    );
    expect(analyze('Cấp, cấp đổi, cấp lại thẻ').bigrams).toEqual(['cap_doi', 'cap_lai', 'lai_the']);
    // Codes, amounts and "tp.hcm" keep their inner marks; "không" inside a phrase still joins it.
    expect(analyze('thủ tục 1.001193 phí 1,5 triệu ở tp.hcm').bigrams).toContain('1.001193_phi');
    expect(analyze('phí 1,5 triệu').bigrams).toEqual(['phi_1,5', '1,5_trieu']);
    expect(analyze('cấp lần đầu không đúng quy định').bigrams).toContain('dau_khong');
    // The closing particle followed by a polite word or a form of address; "vay", "nhẹ" that end a statement stay.
    expect(analyze('có phải giám định lại từ đầu không ạ?').bigrams).not.toContain('dau_khong');
    expect(analyze('có được không anh').bigrams).not.toContain('duoc_khong');
    expect(analyze('thế chấp sổ đỏ để vay.').bigrams).toContain('de_vay');
    expect(analyze('khuyết tật nhẹ.').bigrams).toContain('tat_nhe');
    // An abbreviation that expands into several words keeps its inner phrase: "dk." → "đăng ký".
    expect(analyze('muốn dk. xong rồi').bigrams).toContain('dang_ky');
  });
});
