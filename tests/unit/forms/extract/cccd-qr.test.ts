import { describe, expect, it } from 'vitest';
import { findCccdQr, isCccdQrError, parseCccdQr } from '../../../../src/forms/index.js';

const SEVEN = '001090012345|012345678|Nguyễn Văn An|12031990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|10052021';
const EMPTY_OLD = '001090012345||Nguyễn Văn An|12031990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|10052021';
const SIX = '001090012345|Nguyễn Văn An|12031990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|10052021';

const AN = {
  idNumber: '001090012345',
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-03-12',
  gender: 'nam',
  address: 'Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội',
  issueDate: '2021-05-10',
};

describe('parseCccdQr', () => {
  it('reads the 7-field code with the old CMND', () => {
    expect(parseCccdQr(SEVEN)).toEqual({ ...AN, oldIdNumber: '012345678' });
  });

  it('reads the 7-field code with an empty old CMND', () => {
    const result = parseCccdQr(EMPTY_OLD);
    expect(result).toEqual(AN);
    expect(result).not.toHaveProperty('oldIdNumber');
  });

  it('reads the 6-field code without the old CMND', () => {
    expect(parseCccdQr(SIX)).toEqual(AN);
  });

  it('tolerates surrounding whitespace, a trailing newline and an upper-case name', () => {
    expect(parseCccdQr(`  ${SIX.replace('Nguyễn Văn An', 'NGUYỄN VĂN AN')}\r\n`)).toEqual(AN);
  });

  it('reads a woman and a 12-digit old number', () => {
    const result = parseCccdQr('079190012345|079190012345|Trần Thị Bình|01012000|Nữ|TP. Hồ Chí Minh|01012022');
    expect(result).toMatchObject({ gender: 'nu', oldIdNumber: '079190012345', birthDate: '2000-01-01' });
  });

  it.each([
    ['too few fields', '001090012345|Nguyễn Văn An|12031990|Nam|10052021', 'cần 6 hoặc 7 trường, nhận được 5'],
    ['too many fields', `${SEVEN}|x`, 'cần 6 hoặc 7 trường, nhận được 8'],
    ['not a QR at all', 'xin chào', 'cần 6 hoặc 7 trường, nhận được 1'],
    ['an 11-digit ID', SIX.replace('001090012345', '00109001234'), 'Số căn cước trong mã QR phải gồm 12 chữ số.'],
    ['letters in the ID', SIX.replace('001090012345', '00109001234A'), 'Số căn cước trong mã QR phải gồm 12 chữ số.'],
    ['a bad old CMND', SEVEN.replace('012345678', '0123'), 'Số CMND cũ trong mã QR phải gồm 9 hoặc 12 chữ số.'],
    ['an empty name', SIX.replace('Nguyễn Văn An', ''), 'Mã QR không có họ tên hợp lệ.'],
    ['an impossible birth date', SIX.replace('12031990', '31021990'), 'Ngày sinh trong mã QR không hợp lệ'],
    ['a birth date with slashes', SIX.replace('12031990', '12/03/1990'), 'Ngày sinh trong mã QR không hợp lệ'],
    ['an unknown gender', SIX.replace('|Nam|', '|X|'), 'Giới tính trong mã QR không hợp lệ'],
    ['an empty address', SIX.replace('Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội', ' '), 'Mã QR không có nơi thường trú.'],
    ['a bad issue date', SIX.replace('10052021', '1005202'), 'Ngày cấp trong mã QR không hợp lệ'],
  ])('rejects %s with a clear Vietnamese message', (_, text, expected) => {
    const result = parseCccdQr(text);
    expect(isCccdQrError(result)).toBe(true);
    expect(result).toMatchObject({ error: 'malformed_qr', message: expect.stringContaining(expected) });
    if (isCccdQrError(result)) {
      expect(result.message).toContain('Vui lòng quét lại mã QR');
      // The message never repeats what the card holds (it may be logged or shown on a shared screen).
      expect(result.message).not.toContain('00109001234');
      expect(result.message).not.toContain('Nguyễn');
    }
  });
});

describe('findCccdQr', () => {
  it('finds a scan typed into the chat box, alone or inside text', () => {
    expect(findCccdQr(`${SEVEN}\n`)).toEqual({ ...AN, oldIdNumber: '012345678' });
    expect(findCccdQr(`  ${SIX}  `)).toEqual(AN);
    expect(findCccdQr(`đây là mã của tôi ${EMPTY_OLD}`)).toEqual(AN);
    expect(findCccdQr(`xin chào\r\n${SIX}\r\n`)).toEqual(AN);
  });

  it('reports a scan that looks like a CCCD code but is broken', () => {
    expect(findCccdQr(SIX.replace('12031990', '99999999'))).toMatchObject({ error: 'malformed_qr' });
  });

  it('ignores ordinary messages', () => {
    expect(findCccdQr('số CCCD của tôi là 001090012345')).toBeUndefined();
    expect(findCccdQr('001090012345 | nam')).toBeUndefined();
    expect(findCccdQr('a|b|c|d|e|f')).toBeUndefined();
    expect(findCccdQr('')).toBeUndefined();
  });
});
