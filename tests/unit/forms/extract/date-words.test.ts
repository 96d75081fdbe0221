import { describe, expect, it } from 'vitest';
import { dateInWords, numberInWords } from '../../../../src/forms/index.js';

describe('dateInWords', () => {
  it('writes the birth-certificate wording', () => {
    expect(dateInWords({ day: 12, month: 3, year: 2024 })).toBe('Ngày mười hai tháng ba năm hai nghìn không trăm hai mươi bốn');
    expect(dateInWords({ day: 5, month: 4, year: 2005 })).toBe('Ngày mồng năm tháng tư năm hai nghìn không trăm linh năm');
    expect(dateInWords({ day: 21, month: 11, year: 1999 })).toBe('Ngày hai mươi mốt tháng mười một năm một nghìn chín trăm chín mươi chín');
    expect(dateInWords({ day: 15, month: 1, year: 2015 })).toBe('Ngày mười lăm tháng một năm hai nghìn không trăm mười lăm');
    expect(dateInWords({ day: 10, month: 12, year: 2000 })).toBe('Ngày mồng mười tháng mười hai năm hai nghìn');
    expect(dateInWords({ day: 31, month: 10, year: 2021 })).toBe('Ngày ba mươi mốt tháng mười năm hai nghìn không trăm hai mươi mốt');
    expect(dateInWords({ day: 25, month: 5, year: 1945 })).toBe('Ngày hai mươi lăm tháng năm năm một nghìn chín trăm bốn mươi lăm');
  });
});

describe('numberInWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1000, 'một nghìn'],
    [1900, 'một nghìn chín trăm'],
    [2001, 'hai nghìn không trăm linh một'],
    [2010, 'hai nghìn không trăm mười'],
    [2026, 'hai nghìn không trăm hai mươi sáu'],
    [9999, 'chín nghìn chín trăm chín mươi chín'],
  ])('%i → %s', (value, words) => {
    expect(numberInWords(value)).toBe(words);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => numberInWords(10000)).toThrow(RangeError);
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });
});
