import { describe, expect, it } from 'vitest';
import { dropLaterTwins, twinKey } from '../../../../src/retrieval/search/twins.js';

describe('twins', () => {
  it('gives the twins of one procedure one key, whatever level their title names', () => {
    const key = twinKey('Cấp lại thẻ căn cước (thực hiện tại cấp xã)');
    expect(twinKey('Cấp lại thẻ căn cước (thực hiện tại cấp trung ương)')).toBe(key);
    expect(twinKey('Cấp lại thẻ căn cước (cấp tỉnh).')).toBe(key);
    expect(twinKey('Cấp lại thẻ căn cước')).toBe(key);
    expect(twinKey('Cấp đổi thẻ căn cước (thực hiện tại cấp xã)')).not.toBe(key);
    // Brackets that are not a level are part of the name: "Cấp" there is the act of issuing.
    expect(twinKey('Đăng ký cấp giấy chứng nhận kiểm toán (Cấp lần đầu)')).not.toBe(twinKey('Đăng ký cấp giấy chứng nhận kiểm toán (cấp lại)'));
    expect(twinKey('Đăng ký đất đai lần đầu (sổ đỏ)')).not.toBe(twinKey('Đăng ký đất đai lần đầu'));
  });

  it('keeps the first of each procedure in the ranking and every other result in order', () => {
    const titles: Record<string, string> = {
      a: 'Cấp lại thẻ căn cước (thực hiện tại cấp xã)',
      b: 'Cấp đổi thẻ căn cước (thực hiện tại cấp xã)',
      c: 'Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)',
      d: 'Cấp đổi thẻ căn cước (thực hiện tại cấp tỉnh)',
    };
    expect(dropLaterTwins(['c', 'b', 'a', 'x', 'd'], (id) => titles[id])).toEqual(['c', 'b', 'x']);
  });
});
