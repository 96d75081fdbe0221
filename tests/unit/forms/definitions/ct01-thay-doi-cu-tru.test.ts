import { describe, expect, it } from 'vitest';
import { CT01_MAX_MEMBERS } from '../../../../src/forms/index.js';
import { buildCt01 } from '../fixtures.js';
import { errorsFor, formById, valuesFor } from './helpers.js';

const form = formById('ct01-thay-doi-cu-tru');

describe('ct01-thay-doi-cu-tru', () => {
  it('accepts the declarant with one household member', () => {
    const values = valuesFor(form, buildCt01());
    expect(values['thanh_vien.0.ho_ten']).toBe('Nguyễn Minh Khôi');
    expect(values['thanh_vien.0.gioi_tinh']).toBe('nam');
    expect(values['thanh_vien.0.ngay_sinh']).toBe('2020-09-05');
  });

  it('accepts no members and up to five', () => {
    expect(errorsFor(form, buildCt01({ thanh_vien: undefined }))).toEqual([]);
    const members = Array.from({ length: CT01_MAX_MEMBERS }, (_, index) => ({
      ho_ten: `Nguyễn Văn ${['Một', 'Hai', 'Ba', 'Bốn', 'Năm'][index]}`,
      so_dinh_danh: `00120001234${index}`,
      quan_he_chu_ho: 'Con',
    }));
    expect(errorsFor(form, buildCt01({ thanh_vien: members }))).toEqual([]);
    expect(errorsFor(form, buildCt01({ thanh_vien: [...members, { ho_ten: 'Nguyễn Văn Sáu', quan_he_chu_ho: 'Con' }] })).map((error) => error.field)).toEqual([
      'thanh_vien.5.ho_ten',
      'thanh_vien.5.quan_he_chu_ho',
    ]);
  });

  it('requires a member’s relationship once their name is given', () => {
    expect(errorsFor(form, buildCt01({ thanh_vien: [{ ho_ten: 'Nguyễn Minh Khôi' }] }))).toEqual([
      {
        field: 'thanh_vien.0.quan_he_chu_ho',
        message: 'Quan hệ với chủ hộ (thành viên 1) không được để trống khi đã ghi họ, chữ đệm, tên (thành viên 1).',
      },
    ]);
  });

  it('requires a member’s name once any of their details is given', () => {
    expect(errorsFor(form, buildCt01({ 'thanh_vien.1.ngay_sinh': '01/01/2015' }))).toEqual([
      {
        field: 'thanh_vien.1.ho_ten',
        message: 'Họ, chữ đệm, tên (thành viên 2) không được để trống khi đã ghi ngày, tháng, năm sinh (thành viên 2).',
      },
    ]);
  });

  it('does not ask again for a relationship that was given but invalid', () => {
    expect(errorsFor(form, buildCt01({ thanh_vien: [{ ho_ten: 'Khôi 2', quan_he_chu_ho: 'Con' }] }))).toEqual([
      { field: 'thanh_vien.0.ho_ten', message: 'Họ, chữ đệm, tên (thành viên 1) chỉ được gồm chữ cái, không có chữ số hay ký hiệu.' },
    ]);
  });

  it('rejects two people with one ID number, and a member without a valid one', () => {
    expect(errorsFor(form, buildCt01({ thanh_vien: [{ ho_ten: 'Nguyễn Minh Khôi', quan_he_chu_ho: 'Con', so_dinh_danh: '001090012345' }] }))).toEqual([
      {
        field: 'thanh_vien.0.so_dinh_danh',
        message: 'Số định danh cá nhân (thành viên 1) trùng với số định danh cá nhân (người kê khai).',
      },
    ]);
    expect(errorsFor(form, buildCt01({ 'thanh_vien.0.so_dinh_danh': '12345678' }))).toEqual([
      { field: 'thanh_vien.0.so_dinh_danh', message: 'Số định danh cá nhân (thành viên 1) phải gồm 12 chữ số.' },
    ]);
  });

  it('requires items 1–4, 7, 8 and 10 but not phone, e-mail or the head’s ID', () => {
    const fields = errorsFor(form, {}).map((error) => error.field);
    expect(fields).toEqual([
      'kinh_gui',
      'nguoi_yeu_cau.ho_ten',
      'nguoi_yeu_cau.ngay_sinh',
      'nguoi_yeu_cau.gioi_tinh',
      'nguoi_yeu_cau.so_dinh_danh',
      'chu_ho.ho_ten',
      'nguoi_yeu_cau.quan_he_chu_ho',
      'noi_dung_de_nghi',
    ]);
  });
});
