import { describe, expect, it } from 'vitest';
import { buildKhaiSinh } from '../fixtures.js';
import { errorsFor, formById, valuesFor } from './helpers.js';

const form = formById('to-khai-khai-sinh');

describe('to-khai-khai-sinh', () => {
  it('accepts a complete declaration and writes the birth date in words', () => {
    const values = valuesFor(form, buildKhaiSinh());
    expect(values['tre.ngay_sinh']).toBe('2026-03-12');
    expect(values['tre.ngay_sinh_bang_chu']).toBe('Ngày mười hai tháng ba năm hai nghìn không trăm hai mươi sáu');
    expect(values['nguoi_yeu_cau.quan_he']).toBe('Cha');
  });

  it('recomputes the words even when a client sends its own', () => {
    const values = valuesFor(form, buildKhaiSinh({ 'tre.ngay_sinh_bang_chu': 'sai' }));
    expect(values['tre.ngay_sinh_bang_chu']).toMatch(/^Ngày mười hai tháng ba/u);
  });

  it('accepts a child whose father is not established (father block left blank)', () => {
    const blankFather = Object.fromEntries(['ho_ten', 'nam_sinh', 'dan_toc', 'quoc_tich', 'noi_cu_tru'].map((key) => [`cha.${key}`, undefined]));
    expect(errorsFor(form, buildKhaiSinh(blankFather))).toEqual([]);
  });

  it('wants the mother’s details once her name is given, and her name once details are', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'me.nam_sinh': undefined }))).toEqual([
      { field: 'me.nam_sinh', message: 'Năm sinh (mẹ) không được để trống khi đã ghi họ, chữ đệm, tên (mẹ).' },
    ]);
    expect(errorsFor(form, buildKhaiSinh({ 'cha.ho_ten': '' }))).toEqual([
      { field: 'cha.ho_ten', message: 'Họ, chữ đệm, tên (cha) không được để trống khi đã ghi năm sinh (cha).' },
    ]);
  });

  it('checks that parents are plausibly older than the child', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'me.nam_sinh': '2020' }))).toEqual([
      { field: 'me.nam_sinh', message: 'Năm sinh của mẹ không hợp lý: mẹ phải lớn hơn bé ít nhất 10 tuổi.' },
    ]);
    expect(errorsFor(form, buildKhaiSinh({ 'cha.nam_sinh': '2017' }))).toEqual([
      { field: 'cha.nam_sinh', message: 'Năm sinh của cha không hợp lý: cha phải lớn hơn bé ít nhất 10 tuổi.' },
    ]);
  });

  it('checks year fields', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'me.nam_sinh': '92' }))).toEqual([
      { field: 'me.nam_sinh', message: 'Năm sinh (mẹ) phải là năm gồm 4 chữ số, ví dụ: 1990.' },
    ]);
    expect(errorsFor(form, buildKhaiSinh({ 'me.nam_sinh': '2027' }))).toContainEqual({
      field: 'me.nam_sinh',
      message: 'Năm sinh (mẹ) không được sau năm nay.',
    });
    expect(valuesFor(form, buildKhaiSinh({ 'me.nam_sinh': '05/06/1992' }))['me.nam_sinh']).toBe('1992');
  });

  it('rejects a birth in the future and a declaration made before the birth', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'tre.ngay_sinh': '1/12/2026' }))).toEqual([
      { field: 'tre.ngay_sinh', message: 'Ngày, tháng, năm sinh không được sau ngày hôm nay.' },
    ]);
    expect(errorsFor(form, buildKhaiSinh({ ngay_khai: '01/03/2026' }))).toEqual([
      { field: 'ngay_khai', message: 'Ngày làm tờ khai không được trước ngày sinh của bé.' },
    ]);
  });

  it('rejects a 9-digit CMND for the requester', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'nguoi_yeu_cau.so_dinh_danh': '123456789' }))).toEqual([
      { field: 'nguoi_yeu_cau.so_dinh_danh', message: 'Số định danh cá nhân phải gồm 12 chữ số.' },
    ]);
  });

  it('rejects an unknown identity document kind', () => {
    expect(errorsFor(form, buildKhaiSinh({ 'nguoi_yeu_cau.loai_giay_to': 'bằng lái xe' }))).toEqual([
      {
        field: 'nguoi_yeu_cau.loai_giay_to',
        message: 'Loại giấy tờ tùy thân phải là một trong: Thẻ căn cước, Thẻ căn cước công dân, Căn cước điện tử, Hộ chiếu, Giấy chứng nhận căn cước, Giấy tờ khác.',
      },
    ]);
  });
});
