import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS,
  expandAbbreviations,
  expandAbbreviationsWithSource,
  normalizeText,
  tokenize,
} from '../../../src/text/index.js';

const expand = (text: string): string => expandAbbreviations(tokenize(text)).join(' ');

describe('expandAbbreviations', () => {
  it('expands đăng ký in both spellings', () => {
    expect(expand('dk tam tru')).toBe('đăng ký tam tru');
    expect(expand('ĐK tạm trú')).toBe('đăng ký tạm trú');
  });

  it.each([
    ['cccd', 'căn cước công dân'],
    ['cmnd', 'chứng minh nhân dân'],
    ['gks', 'giấy khai sinh'],
    ['hk', 'hộ khẩu'],
    ['vk', 'vợ'],
    ['ck', 'chồng'],
    ['sdt', 'số điện thoại'],
    ['sđt', 'số điện thoại'],
    ['tp', 'thành phố'],
    ['ubnd', 'ủy ban nhân dân'],
    ['gcn', 'giấy chứng nhận'],
    ['qsdđ', 'quyền sử dụng đất'],
    ['qsdd', 'quyền sử dụng đất'],
    ['gpxd', 'giấy phép xây dựng'],
    ['bhyt', 'bảo hiểm y tế'],
    ['bhxh', 'bảo hiểm xã hội'],
    ['nvqs', 'nghĩa vụ quân sự'],
    ['hkd', 'hộ kinh doanh'],
    ['kd', 'kinh doanh'],
    ['hđ', 'hợp đồng'],
    ['lltp', 'lý lịch tư pháp'],
    ['dc', 'được'],
    ['đc', 'được'],
    ['j', 'gì'],
    ['ntn', 'như thế nào'],
    ['bn', 'bao nhiêu'],
    ['mk', 'mình'],
    ['mik', 'mình'],
    ['vs', 'với'],
    ['r', 'rồi'],
  ])('%s → %s', (abbreviation, expansion) => {
    expect(expand(abbreviation)).toBe(expansion);
  });

  it.each(['ko', 'k', 'hok', 'kg', 'khong'])('%s → không', (spelling) => {
    expect(expand(spelling)).toBe('không');
  });

  it('expands inside a sentence', () => {
    expect(expand('lam cccd o dau')).toContain('căn cước công dân');
    expect(expand('Làm GKS cho con cần j?')).toBe('làm giấy khai sinh cho con cần gì');
    expect(expand('có đc ko ạ')).toBe('có được không ạ');
  });

  it('matches whole tokens only', () => {
    expect(expand('kết hôn')).toBe('kết hôn');
    expect(expand('kho bạc')).toBe('kho bạc');
    expect(expand('rồi')).toBe('rồi');
  });

  it('leaves the ambiguous single letters a and e alone', () => {
    expect(expand('a')).toBe('a');
    expect(expand('e')).toBe('e');
    expect(expand('cho e hỏi a')).toBe('cho e hỏi a');
  });

  it('reads k and kg after a number as units, not "không"', () => {
    expect(expand('phí 50 k')).toBe('phí 50 k');
    expect(expand('5 kg')).toBe('5 kg');
    expect(expand('có k')).toBe('có không');
  });

  it('ignores keys that exist on Object.prototype', () => {
    expect(expandAbbreviations(['constructor', '__proto__', 'tostring'])).toEqual([
      'constructor', '__proto__', 'tostring',
    ]);
  });

  it('returns an empty array for no tokens', () => {
    expect(expandAbbreviations([])).toEqual([]);
  });

  it('records which input token each output token came from', () => {
    expect(expandAbbreviationsWithSource(['dk', 'tam'])).toEqual([
      { token: 'đăng', source: 0 },
      { token: 'ký', source: 0 },
      { token: 'tam', source: 1 },
    ]);
  });
});

describe('ABBREVIATIONS table', () => {
  it('has keys that are single normalized tokens', () => {
    for (const key of Object.keys(ABBREVIATIONS)) {
      expect(tokenize(key), key).toEqual([key]);
    }
  });

  it('has expansions already in normalized, canonical form', () => {
    for (const expansion of Object.values(ABBREVIATIONS)) {
      expect(normalizeText(expansion), expansion).toBe(expansion);
    }
  });
});
