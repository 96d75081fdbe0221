import { describe, expect, it } from 'vitest';
import { buildKetHon } from '../fixtures.js';
import { errorsFor, formById, valuesFor } from './helpers.js';

const form = formById('to-khai-ket-hon');

/** Marriage values with the two parties' nested blocks patched. */
function couple(bride: Record<string, unknown> = {}, groom: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const base = buildKetHon();
  return { ...base, ben_nu: { ...(base.ben_nu as object), ...bride }, ben_nam: { ...(base.ben_nam as object), ...groom }, ...extra };
}

describe('to-khai-ket-hon', () => {
  it('accepts a complete joint declaration', () => {
    const values = valuesFor(form, buildKetHon());
    expect(values['ben_nu.ho_ten']).toBe('Trần Thị Bình');
    expect(values['ben_nam.ho_ten']).toBe('Lê Văn Cường');
    expect(values['ben_nam.ket_hon_lan_thu']).toBe('1');
  });

  it('rejects a 17-year-old woman and accepts her on her 18th birthday', () => {
    expect(errorsFor(form, couple({ ngay_sinh: '24/11/2008' }))).toEqual([
      { field: 'ben_nu.ngay_sinh', message: 'Bên nữ chưa đủ 18 tuổi nên chưa đủ tuổi kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).' },
    ]);
    expect(errorsFor(form, couple({ ngay_sinh: '23/11/2008' }))).toEqual([]);
  });

  it('rejects a 19-year-old man and accepts a 20-year-old', () => {
    expect(errorsFor(form, couple({}, { ngay_sinh: '01/01/2007' }))).toEqual([
      { field: 'ben_nam.ngay_sinh', message: 'Bên nam chưa đủ 20 tuổi nên chưa đủ tuổi kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).' },
    ]);
    expect(errorsFor(form, couple({}, { ngay_sinh: '23/11/2006' }))).toEqual([]);
  });

  it('measures the age at the declaration date when one is given', () => {
    // 20 today, but the form is dated the day before his 20th birthday: the age counts at the form's date.
    expect(errorsFor(form, couple({}, { ngay_sinh: '01/01/2006' }, { ngay_khai: '31/12/2025' }))).toEqual([
      { field: 'ben_nam.ngay_sinh', message: 'Bên nam chưa đủ 20 tuổi nên chưa đủ tuổi kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).' },
    ]);
    expect(errorsFor(form, couple({}, { ngay_sinh: '01/01/2006' }, { ngay_khai: '01/01/2026' }))).toEqual([]);
  });

  it('requires the two parties to be two different people', () => {
    expect(errorsFor(form, couple({}, { so_dinh_danh: '001 300 012 345' }))).toEqual([
      { field: 'ben_nam.so_dinh_danh', message: 'Số định danh cá nhân (bên nam) trùng với số định danh cá nhân (bên nữ).' },
    ]);
  });

  it('requires "kết hôn lần thứ" to be a whole number of at least 1', () => {
    expect(errorsFor(form, couple({ ket_hon_lan_thu: 0 }))).toEqual([
      { field: 'ben_nu.ket_hon_lan_thu', message: 'Kết hôn lần thứ (bên nữ) phải từ 1 đến 20.' },
    ]);
    expect(errorsFor(form, couple({}, { ket_hon_lan_thu: 'hai' }))).toEqual([
      { field: 'ben_nam.ket_hon_lan_thu', message: 'Kết hôn lần thứ (bên nam) phải là một số nguyên, ví dụ: 1.' },
    ]);
    expect(errorsFor(form, couple({}, { ket_hon_lan_thu: undefined }))).toEqual([
      { field: 'ben_nam.ket_hon_lan_thu', message: 'Kết hôn lần thứ (bên nam) không được để trống.' },
    ]);
  });

  it('qualifies each message with the party it is about', () => {
    expect(errorsFor(form, couple({ ho_ten: '' }, { noi_cu_tru: '' }))).toEqual([
      { field: 'ben_nu.ho_ten', message: 'Họ, chữ đệm, tên (bên nữ) không được để trống.' },
      { field: 'ben_nam.noi_cu_tru', message: 'Nơi cư trú (bên nam) không được để trống.' },
    ]);
  });
});
