import { describe, expect, it } from 'vitest';
import { copyWords, formatTime, formatVnd, trimPassage } from '../../../../src/chat/compose/format.js';

describe('format', () => {
  it('groups VND the way each language reads it', () => {
    expect(formatVnd(7000, 'vi')).toBe('7.000 đồng');
    expect(formatVnd(1250000, 'en')).toBe('1,250,000 VND');
    expect(formatVnd(500, 'vi')).toBe('500 đồng');
  });

  it('writes a time with its unit, and without one says so', () => {
    expect(formatTime({ value: 3, unit: 'Ngày làm việc' }, 'vi')).toBe('3 ngày làm việc');
    expect(formatTime({ value: 1, unit: 'Ngày' }, 'en')).toBe('1 day');
    expect(formatTime({ value: 0.5, unit: 'Ngày' }, 'vi')).toBe('0,5 ngày');
    expect(formatTime({ value: 2, unit: 'Lần' }, 'en')).toBe('2 “Lần”');
    expect(formatTime({ value: 1 }, 'vi')).toBe('1 (không ghi đơn vị)');
  });

  it('says quantity and original/copy in words', () => {
    expect(copyWords({ quantity: 1, copy: 'original' }, 'vi')).toBe('1 bản chính');
    expect(copyWords({ copy: 'copy' }, 'vi')).toBe('bản sao');
    expect(copyWords({ quantity: 2 }, 'vi')).toBe('2 bản');
    expect(copyWords({ quantity: 2, copy: 'original' }, 'en')).toBe('2 originals');
    expect(copyWords({}, 'vi')).toBe('');
  });

  it('trims a long passage after a sentence or line, and leaves a short one whole', () => {
    expect(trimPassage('  Một câu.\n\n  Hai câu.  ')).toEqual({ text: 'Một câu.\nHai câu.', cut: false });
    const long = trimPassage(`${'Câu dài có nhiều chữ. '.repeat(40)}`, 100);
    expect(long.cut).toBe(true);
    expect(long.text).toMatch(/chữ\. …$/);
    expect(long.text.length).toBeLessThanOrEqual(102);
    const unbroken = trimPassage('chữ '.repeat(60), 50);
    expect(unbroken.text).toMatch(/chữ …$/);
  });
});
