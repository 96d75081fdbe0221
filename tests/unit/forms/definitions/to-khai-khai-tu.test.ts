import { describe, expect, it } from 'vitest';
import { buildKhaiTu } from '../fixtures.js';
import { errorsFor, formById, valuesFor } from './helpers.js';

const form = formById('to-khai-khai-tu');

describe('to-khai-khai-tu', () => {
  it('accepts a complete declaration with the deceased’s old 9-digit CMND', () => {
    const values = valuesFor(form, buildKhaiTu());
    expect(values['nguoi_chet.so_dinh_danh']).toBe('012345678');
    expect(values['nguoi_chet.ngay_chet']).toBe('2026-11-15');
    expect(values['ngay_khai']).toBe('2026-11-23');
  });

  it('accepts the deceased without any ID number, and with a 12-digit one', () => {
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.so_dinh_danh': undefined }))).toEqual([]);
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.so_dinh_danh': '001030012345' }))).toEqual([]);
  });

  it('rejects a death before the birth', () => {
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.ngay_sinh': '20/11/2026' }))).toEqual([
      { field: 'nguoi_chet.ngay_chet', message: 'Ngày chết không được trước ngày sinh.' },
    ]);
  });

  it('rejects a death in the future', () => {
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.ngay_chet': '25/11/2026', 'giay_bao_tu.ngay_cap': undefined }))).toEqual([
      { field: 'nguoi_chet.ngay_chet', message: 'Ngày chết không được sau ngày hôm nay.' },
    ]);
  });

  it('rejects a death notice issued before the death, and a declaration made before it', () => {
    expect(errorsFor(form, buildKhaiTu({ 'giay_bao_tu.ngay_cap': '14/11/2026' }))).toEqual([
      { field: 'giay_bao_tu.ngay_cap', message: 'Ngày cấp giấy báo tử không được trước ngày chết.' },
    ]);
    expect(errorsFor(form, buildKhaiTu({ ngay_khai: '10/11/2026' }))).toEqual([
      { field: 'ngay_khai', message: 'Ngày làm tờ khai không được trước ngày chết.' },
    ]);
  });

  it('rejects a requester who is the deceased', () => {
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.so_dinh_danh': '001090012345' }))).toEqual([
      {
        field: 'nguoi_yeu_cau.so_dinh_danh',
        message: 'Số định danh cá nhân (người yêu cầu) trùng với số định danh cá nhân (người đã chết).',
      },
    ]);
  });

  it('checks the time of death', () => {
    for (const time of ['14:30', '8h', '8 giờ 15 phút', '23g05']) {
      expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.gio_chet': time })), time).toEqual([]);
    }
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.gio_chet': 'buổi chiều' }))).toEqual([
      { field: 'nguoi_chet.gio_chet', message: 'Giờ chết phải ghi dạng giờ:phút, ví dụ 14:30.' },
    ]);
  });

  it('requires the cause and the place of death', () => {
    expect(errorsFor(form, buildKhaiTu({ 'nguoi_chet.nguyen_nhan_chet': '', 'nguoi_chet.noi_chet': undefined }))).toEqual([
      { field: 'nguoi_chet.noi_chet', message: 'Nơi chết không được để trống.' },
      { field: 'nguoi_chet.nguyen_nhan_chet', message: 'Nguyên nhân chết không được để trống.' },
    ]);
  });
});
