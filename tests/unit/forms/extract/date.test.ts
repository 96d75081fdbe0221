import { describe, expect, it } from 'vitest';
import { formatDate, fromIsoDate, parseDate, toIsoDate, wardToday } from '../../../../src/forms/index.js';

const today = new Date('2026-11-23T03:00:00Z');
const march12 = { day: 12, month: 3, year: 2024 };

describe('parseDate', () => {
  it.each([
    '12/3/2024',
    '12/03/2024',
    '12-03-2024',
    '12.3.2024',
    '12 / 3 / 2024',
    'ngày 12 tháng 3 năm 2024',
    'Ngày 12 Tháng 03 Năm 2024',
    '12 thang 3 nam 2024',
    'ngay 12 thang 3 nam 2024',
    '12 tháng 3, 2024',
    'bé sinh ngày 12/3/2024 lúc 8 giờ sáng',
    'sinh hôm 12-3-2024 ạ',
    '12032024',
    '2024-03-12',
    '2024/3/12',
    '12 March 2024',
    'March 12, 2024',
    'ngày 12 tháng 3 năm 2024'.normalize('NFD'),
  ])('reads %j as 12 March 2024', (text) => {
    expect(parseDate(text, { today })).toEqual(march12);
  });

  it('is day-first always', () => {
    expect(parseDate('3/12/2024', { today })).toEqual({ day: 3, month: 12, year: 2024 });
    expect(parseDate('01/02/2024', { today })).toEqual({ day: 1, month: 2, year: 2024 });
  });

  it('accepts ISO year-first dates, which cannot be misread', () => {
    expect(parseDate('2024-12-03', { today })).toEqual({ day: 3, month: 12, year: 2024 });
  });

  it('reads mồng/mùng days', () => {
    expect(parseDate('mồng 5 tháng 6 năm 2020', { today })).toEqual({ day: 5, month: 6, year: 2020 });
    expect(parseDate('mung 5 thang 6 nam 2020', { today })).toEqual({ day: 5, month: 6, year: 2020 });
  });

  it('reads "hôm nay", "hôm qua", "hôm kia" in the ward’s zone', () => {
    expect(parseDate('hôm nay', { today })).toEqual({ day: 23, month: 11, year: 2026 });
    expect(parseDate('sinh hom qua', { today })).toEqual({ day: 22, month: 11, year: 2026 });
    expect(parseDate('hôm kia', { today })).toEqual({ day: 21, month: 11, year: 2026 });
    expect(parseDate('today', { today })).toEqual({ day: 23, month: 11, year: 2026 });
    // 23:30 UTC on the 22nd is 06:30 on the 23rd in Vietnam.
    expect(parseDate('hôm nay', { today: new Date('2026-11-22T23:30:00Z') })).toEqual({ day: 23, month: 11, year: 2026 });
    expect(parseDate('hôm qua', { today: new Date('2026-03-01T00:00:00Z') })).toEqual({ day: 28, month: 2, year: 2026 });
  });

  it('prefers an explicit date over a relative word', () => {
    expect(parseDate('hôm qua là 22/11/2025', { today })).toEqual({ day: 22, month: 11, year: 2025 });
  });

  it('reads a 2-digit year only when one century is in the future', () => {
    expect(parseDate('12/3/85', { today })).toEqual({ day: 12, month: 3, year: 1985 });
    expect(parseDate('12/3/24', { today })).toBeUndefined();
    expect(parseDate('24/11/26', { today })).toEqual({ day: 24, month: 11, year: 1926 });
    expect(parseDate('23/11/26', { today })).toBeUndefined();
  });

  it.each(['31/2/2024', '29/2/2023', '12/13/2024', '0/3/2024', 'tháng 3 năm 2024', '12/3', 'ngày 12 tháng 3', 'không nhớ', '', '0912345678', '001203004567', '2024'])(
    'returns undefined for %j',
    (text) => {
      expect(parseDate(text, { today })).toBeUndefined();
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(parseDate('29/2/2024', { today })).toEqual({ day: 29, month: 2, year: 2024 });
  });

  it('uses the real clock when no today is given', () => {
    expect(parseDate('hôm nay')).toEqual(wardToday());
  });
});

describe('formatDate and ISO helpers', () => {
  it('formats day-first with zero padding', () => {
    expect(formatDate(march12)).toBe('12/03/2024');
    expect(formatDate({ day: 1, month: 2, year: 1930 })).toBe('01/02/1930');
  });

  it('round-trips through ISO and rejects impossible ISO dates', () => {
    expect(toIsoDate(march12)).toBe('2024-03-12');
    expect(fromIsoDate('2024-03-12')).toEqual(march12);
    expect(fromIsoDate('2023-02-29')).toBeUndefined();
    expect(fromIsoDate('12/03/2024')).toBeUndefined();
  });
});
