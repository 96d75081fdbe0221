import { describe, expect, it } from 'vitest';
import { parseGender, parseIdNumber, parsePhone } from '../../../../src/forms/index.js';

describe('parseIdNumber', () => {
  it.each([
    ['001203004567', '001203004567'],
    ['số CCCD của tôi là 001203004567 ạ', '001203004567'],
    ['001 203 004 567', '001203004567'],
    ['001.203.004.567', '001203004567'],
    ['0012-0300-4567', '001203004567'],
    ['sđt 0912 345 678, cccd 001203004567', '001203004567'],
    ['cmnd 123456789', '123456789'],
    ['CMND: 123 456 789', '123456789'],
    ['cmnd 123456789 và cccd 001203004567', '001203004567'],
  ])('%j → %s', (text, id) => {
    expect(parseIdNumber(text)).toBe(id);
  });

  it.each(['0912345678', '12/03/2024', '12032024', '1234567890123', 'không có', '00120300456'])('finds nothing in %j', (text) => {
    expect(parseIdNumber(text)).toBeUndefined();
  });

  it('ignores a 9-digit CMND when old numbers are not allowed', () => {
    expect(parseIdNumber('123456789', { allowOldCmnd: false })).toBeUndefined();
    expect(parseIdNumber('001203004567', { allowOldCmnd: false })).toBe('001203004567');
  });
});

describe('parsePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['sđt của tôi: 0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['091-234-5678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(+84) 912 345 678', '0912345678'],
    ['0387654321', '0387654321'],
    ['máy bàn 024 3825 1234', '02438251234'],
  ])('%j → %s', (text, phone) => {
    expect(parsePhone(text)).toBe(phone);
  });

  it.each(['001203004567', '12345', '0112345678', '091234567', '12/03/2024', 'không có'])('finds nothing in %j', (text) => {
    expect(parsePhone(text)).toBeUndefined();
  });
});

describe('parseGender', () => {
  it.each([
    ['nam', 'nam'],
    ['Nam', 'nam'],
    ['bé trai', 'nam'],
    ['con trai ạ', 'nam'],
    ['male', 'nam'],
    ['nữ', 'nu'],
    ['Nữ', 'nu'],
    ['nu', 'nu'],
    ['bé gái', 'nu'],
    ['gai', 'nu'],
    ['Female', 'nu'],
    ['girl', 'nu'],
  ])('%j → %s', (text, gender) => {
    expect(parseGender(text)).toBe(gender);
  });

  it.each(['năm 2020', 'Việt Nam', 'không biết', 'nam hay nữ?', '', 'sinh ở miền Nam'])('returns undefined for %j', (text) => {
    expect(parseGender(text)).toBeUndefined();
  });
});
