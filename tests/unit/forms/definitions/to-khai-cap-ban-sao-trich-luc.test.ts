import { describe, expect, it } from 'vitest';
import { buildBanSao } from '../fixtures.js';
import { errorsFor, formById, valuesFor } from './helpers.js';

const form = formById('to-khai-cap-ban-sao-trich-luc');

describe('to-khai-cap-ban-sao-trich-luc', () => {
  it('accepts a request for copies of a late father’s birth extract (old CMND)', () => {
    const values = valuesFor(form, buildBanSao());
    expect(values['trich_luc.loai']).toBe('khai-sinh');
    expect(values['nguoi_duoc_cap.so_dinh_danh']).toBe('012345678');
    expect(values['so_ban_sao']).toBe('2');
  });

  it('rejects a 9-digit CMND for the requester', () => {
    expect(errorsFor(form, buildBanSao({ 'nguoi_yeu_cau.so_dinh_danh': '012345678' }))).toEqual([
      { field: 'nguoi_yeu_cau.so_dinh_danh', message: 'Số định danh cá nhân (người yêu cầu) phải gồm 12 chữ số.' },
    ]);
  });

  it('checks the kind of record and the number of copies', () => {
    expect(errorsFor(form, buildBanSao({ 'trich_luc.loai': 'sổ đỏ' }))).toEqual([
      {
        field: 'trich_luc.loai',
        message: 'Loại giấy tờ hộ tịch phải là một trong: Khai sinh, Kết hôn, Khai tử, Nhận cha, mẹ, con, Giám hộ, Thay đổi, cải chính, bổ sung hộ tịch, Việc hộ tịch khác.',
      },
    ]);
    expect(valuesFor(form, buildBanSao({ 'trich_luc.loai': 'ket hon' }))['trich_luc.loai']).toBe('ket-hon');
    expect(errorsFor(form, buildBanSao({ so_ban_sao: 0 }))).toEqual([
      { field: 'so_ban_sao', message: 'Số bản sao đề nghị cấp phải từ 1 đến 20.' },
    ]);
    expect(errorsFor(form, buildBanSao({ so_ban_sao: '2.5' }))).toEqual([
      { field: 'so_ban_sao', message: 'Số bản sao đề nghị cấp phải là một số nguyên, ví dụ: 1.' },
    ]);
  });

  it('rejects a registration dated before the birth', () => {
    expect(errorsFor(form, buildBanSao({ 'trich_luc.ngay_dang_ky': '01/01/1929' }))).toEqual([
      { field: 'trich_luc.ngay_dang_ky', message: 'Ngày đăng ký không được trước ngày sinh của người có tên trong giấy.' },
    ]);
  });

  it('needs only the name of the person named, the kind, the place and the number of copies', () => {
    const minimal = buildBanSao({
      'nguoi_duoc_cap.ngay_sinh': undefined,
      'nguoi_duoc_cap.so_dinh_danh': undefined,
      'trich_luc.ngay_dang_ky': undefined,
      'trich_luc.so_dang_ky': undefined,
      muc_dich: undefined,
    });
    expect(errorsFor(form, minimal)).toEqual([]);
  });
});
