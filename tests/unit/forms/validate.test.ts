import { describe, expect, it } from 'vitest';
import { getForm, validateDossier, validateFieldValue, type FormDefinition } from '../../../src/forms/index.js';
import { TODAY, buildCt01, buildKetHon, buildKhaiSinh, buildKhaiTu } from './fixtures.js';

function form(id: string): FormDefinition {
  const found = getForm(id);
  if (!found) throw new Error(`no form ${id}`);
  return found;
}

const khaiSinh = form('to-khai-khai-sinh');
const ct01 = form('ct01-thay-doi-cu-tru');

function errorsOf(result: ReturnType<typeof validateDossier>) {
  return result.ok ? [] : result.errors;
}

describe('validateDossier: input shapes', () => {
  it('accepts flat dot paths and returns flat normalised values', () => {
    const result = validateDossier(khaiSinh, buildKhaiSinh(), { today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values['nguoi_yeu_cau.ho_ten']).toBe('Nguyễn Văn An');
    expect(result.values['nguoi_yeu_cau.so_dinh_danh']).toBe('001090012345');
    expect(result.values['nguoi_yeu_cau.loai_giay_to']).toBe('can-cuoc-cong-dan');
    expect(result.values['tre.ho_ten']).toBe('Nguyễn Thị Hoa');
    expect(result.values['tre.ngay_sinh']).toBe('2026-03-12');
    expect(result.values['tre.gioi_tinh']).toBe('nu');
    expect(result.values['cha.nam_sinh']).toBe('1990');
  });

  it('accepts nested objects and arrays, and a mix of both', () => {
    const nested = validateDossier(form('to-khai-ket-hon'), buildKetHon(), { today: TODAY });
    expect(nested.ok).toBe(true);
    if (nested.ok) expect(nested.values['ben_nu.ho_ten']).toBe('Trần Thị Bình');
    const withArray = validateDossier(ct01, buildCt01(), { today: TODAY });
    expect(withArray.ok).toBe(true);
    if (withArray.ok) expect(withArray.values['thanh_vien.0.ho_ten']).toBe('Nguyễn Minh Khôi');
    const mixed = validateDossier(ct01, buildCt01({ thanh_vien: undefined, 'thanh_vien.0': { ho_ten: 'Lê An', quan_he_chu_ho: 'Con' } }), { today: TODAY });
    expect(mixed.ok).toBe(true);
  });

  it('rejects a path given twice with different values', () => {
    const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ho_ten': 'A B', nguoi_yeu_cau: { ho_ten: 'C D' } }), { today: TODAY });
    expect(errorsOf(result)).toContainEqual({ field: 'nguoi_yeu_cau.ho_ten', message: 'Trường "nguoi_yeu_cau.ho_ten" được gửi hai lần với hai giá trị khác nhau.' });
  });

  it('names every unknown field instead of dropping it', () => {
    const result = validateDossier(khaiSinh, buildKhaiSinh({ 'tre.biet_danh': 'Bông', ghi_chu: 'x', 'thanh_vien.0.ho_ten': 'A B' }), { today: TODAY });
    const errors = errorsOf(result);
    expect(errors).toContainEqual({ field: 'tre.biet_danh', message: 'Tờ khai này không có trường "tre.biet_danh".' });
    expect(errors.map((error) => error.field)).toEqual(expect.arrayContaining(['ghi_chu', 'thanh_vien.0.ho_ten']));
  });

  it('rejects CT01 members beyond the fifth as unknown fields', () => {
    const result = validateDossier(ct01, buildCt01({ 'thanh_vien.5.ho_ten': 'Lê Văn Sáu' }), { today: TODAY });
    expect(errorsOf(result)).toContainEqual({ field: 'thanh_vien.5.ho_ten', message: 'Tờ khai này không có trường "thanh_vien.5.ho_ten".' });
  });

  it('lists every missing required field, treating blank and null as missing', () => {
    const result = validateDossier(khaiSinh, { 'tre.ho_ten': '   ', 'tre.noi_sinh': null }, { today: TODAY });
    const fields = errorsOf(result).map((error) => error.field);
    for (const name of khaiSinh.fields.filter((field) => field.required).map((field) => field.name)) {
      expect(fields).toContain(name);
    }
    expect(errorsOf(result)).toContainEqual({ field: 'tre.ho_ten', message: 'Họ, chữ đệm, tên (người được khai sinh) không được để trống.' });
    expect(errorsOf(result)).toContainEqual({ field: 'kinh_gui', message: 'Kính gửi không được để trống.' });
  });

  it('leaves blank optional fields out of the normalised values', () => {
    const result = validateDossier(khaiSinh, buildKhaiSinh({ 'nguoi_yeu_cau.noi_cap': '', ngay_khai: undefined }), { today: TODAY });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.values).not.toHaveProperty('nguoi_yeu_cau.noi_cap');
      expect(result.values).not.toHaveProperty('ngay_khai');
    }
  });

  it('rejects values that are neither text nor numbers', () => {
    const result = validateDossier(khaiSinh, buildKhaiSinh({ 'tre.dan_toc': true, 'tre.quoc_tich': ['Việt Nam'] }), { today: TODAY });
    expect(errorsOf(result)).toContainEqual({ field: 'tre.dan_toc', message: 'Dân tộc (người được khai sinh) phải là chữ hoặc số.' });
    // An array is walked like an object, so its element is an unknown path and the field itself is missing.
    expect(errorsOf(result).map((error) => error.field)).toEqual(expect.arrayContaining(['tre.quoc_tich.0', 'tre.quoc_tich']));
  });
});

describe('validateDossier: dates and today in Asia/Ho_Chi_Minh', () => {
  it('rejects a date after today with a clear message', () => {
    const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '24/11/2026' }), { today: TODAY });
    expect(errorsOf(result)).toContainEqual({ field: 'nguoi_yeu_cau.ngay_sinh', message: 'Ngày, tháng, năm sinh (người kê khai) không được sau ngày hôm nay.' });
  });

  it('accepts today', () => {
    expect(validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '23/11/2026' }), { today: TODAY }).ok).toBe(true);
  });

  it('at 23:30 UTC it is already the next day in Vietnam', () => {
    const lateEvening = new Date('2026-11-22T23:30:00Z');
    expect(validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '23/11/2026' }), { today: lateEvening }).ok).toBe(true);
    const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '24/11/2026' }), { today: lateEvening });
    expect(errorsOf(result).map((error) => error.field)).toEqual(['nguoi_yeu_cau.ngay_sinh']);
  });

  it('reads dates day-first and stores them as ISO', () => {
    const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '3/12/1990' }), { today: TODAY });
    expect(result.ok && result.values['nguoi_yeu_cau.ngay_sinh']).toBe('1990-12-03');
  });

  it('rejects unreadable, impossible and ambiguous dates', () => {
    const message = 'Ngày, tháng, năm sinh (người kê khai) không hợp lệ; vui lòng ghi ngày/tháng/năm với năm đủ 4 chữ số, ví dụ: 12/03/2024.';
    for (const value of ['31/02/1990', 'tháng 3 năm 1990', '12/3/24', 'abc']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': value }), { today: TODAY });
      expect(errorsOf(result)).toEqual([{ field: 'nguoi_yeu_cau.ngay_sinh', message }]);
    }
  });

  it('rejects dates before 1850', () => {
    const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '01/01/1800' }), { today: TODAY });
    expect(errorsOf(result)).toEqual([{ field: 'nguoi_yeu_cau.ngay_sinh', message: 'Ngày, tháng, năm sinh (người kê khai) không hợp lệ: năm phải từ 1850 trở về sau.' }]);
  });

  it('uses the real clock when no today is injected', () => {
    expect(validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.ngay_sinh': '01/01/9999' })).ok).toBe(false);
  });
});

describe('validateDossier: identity numbers', () => {
  it('accepts 12 digits written with spaces or dots', () => {
    for (const value of ['001090012345', '001 090 012 345', '001.090.012.345']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.so_dinh_danh': value }), { today: TODAY });
      expect(result.ok && result.values['nguoi_yeu_cau.so_dinh_danh']).toBe('001090012345');
    }
  });

  it('rejects other lengths and letters with the 12-digit message', () => {
    for (const value of ['00109001234', '0010900123456', '012345678', 'B1234567']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.so_dinh_danh': value }), { today: TODAY });
      expect(errorsOf(result)).toContainEqual({ field: 'nguoi_yeu_cau.so_dinh_danh', message: 'Số định danh cá nhân (người kê khai) phải gồm 12 chữ số.' });
    }
  });

  it('accepts a 9-digit CMND for the deceased but not for the requester', () => {
    const khaiTu = form('to-khai-khai-tu');
    const deceased = validateDossier(khaiTu, buildKhaiTu({ 'nguoi_chet.so_dinh_danh': '012 345 678' }), { today: TODAY });
    expect(deceased.ok && deceased.values['nguoi_chet.so_dinh_danh']).toBe('012345678');
    const requester = validateDossier(khaiTu, buildKhaiTu({ 'nguoi_yeu_cau.so_dinh_danh': '012345678' }), { today: TODAY });
    expect(errorsOf(requester)).toEqual([{ field: 'nguoi_yeu_cau.so_dinh_danh', message: 'Số định danh cá nhân (người yêu cầu) phải gồm 12 chữ số.' }]);
    const tooShort = validateDossier(khaiTu, buildKhaiTu({ 'nguoi_chet.so_dinh_danh': '1234567' }), { today: TODAY });
    expect(errorsOf(tooShort)).toEqual([{ field: 'nguoi_chet.so_dinh_danh', message: 'Số định danh cá nhân (người đã chết) phải gồm 12 chữ số (hoặc 9 chữ số nếu là số chứng minh nhân dân cũ).' }]);
  });
});

describe('validateDossier: contact details, names, selects, numbers', () => {
  it('normalises phone numbers to the national form and rejects others', () => {
    for (const value of ['0912345678', '+84 912 345 678', '84912345678', '091.234.5678', '(+84) 912-345-678', '024 3825 1234']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.dien_thoai': value }), { today: TODAY });
      expect(result.ok, value).toBe(true);
    }
    const ok = validateDossier(ct01, buildCt01(), { today: TODAY });
    expect(ok.ok && ok.values['nguoi_yeu_cau.dien_thoai']).toBe('0912345678');
    for (const value of ['12345', '0112345678', '09123456789', '+1 415 555 0100']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.dien_thoai': value }), { today: TODAY });
      expect(errorsOf(result), value).toEqual([{ field: 'nguoi_yeu_cau.dien_thoai', message: 'Số điện thoại liên hệ không hợp lệ: số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0 (hoặc +84).' }]);
    }
  });

  it('checks e-mail addresses', () => {
    const ok = validateDossier(ct01, buildCt01(), { today: TODAY });
    expect(ok.ok && ok.values['nguoi_yeu_cau.email']).toBe('an.nguyen@example.vn');
    for (const value of ['an.nguyen', 'an@', 'an@example', 'an nguyen@example.vn']) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.email': value }), { today: TODAY });
      expect(errorsOf(result)).toEqual([{ field: 'nguoi_yeu_cau.email', message: 'Email không đúng định dạng, ví dụ: ten@example.com.' }]);
    }
  });

  it('capitalises names syllable by syllable and rejects digits or symbols', () => {
    const ok = validateDossier(ct01, buildCt01({ 'chu_ho.ho_ten': '  NGUYỄN   văn an ' }), { today: TODAY });
    expect(ok.ok && ok.values['chu_ho.ho_ten']).toBe('Nguyễn Văn An');
    const bad = validateDossier(ct01, buildCt01({ 'chu_ho.ho_ten': 'Nguyễn Văn 2' }), { today: TODAY });
    expect(errorsOf(bad)).toEqual([{ field: 'chu_ho.ho_ten', message: 'Họ, chữ đệm và tên chủ hộ chỉ được gồm chữ cái, không có chữ số hay ký hiệu.' }]);
  });

  it('keeps decomposed (NFD) Vietnamese as composed text', () => {
    const result = validateDossier(ct01, buildCt01({ 'chu_ho.ho_ten': 'nguyễn văn an'.normalize('NFD') }), { today: TODAY });
    expect(result.ok && result.values['chu_ho.ho_ten']).toBe('Nguyễn Văn An');
  });

  it('matches select options by code, label or alias, with or without diacritics', () => {
    for (const [value, code] of [['nam', 'nam'], ['Nữ', 'nu'], ['nu', 'nu'], ['female', 'nu'], ['trai', 'nam']] as const) {
      const result = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.gioi_tinh': value }), { today: TODAY });
      expect(result.ok && result.values['nguoi_yeu_cau.gioi_tinh']).toBe(code);
    }
    const bad = validateDossier(ct01, buildCt01({ 'nguoi_yeu_cau.gioi_tinh': 'khác' }), { today: TODAY });
    expect(errorsOf(bad)).toEqual([{ field: 'nguoi_yeu_cau.gioi_tinh', message: 'Giới tính (người kê khai) phải là một trong: Nam, Nữ.' }]);
  });

  it('rejects a text that is too long', () => {
    const result = validateDossier(ct01, buildCt01({ noi_dung_de_nghi: 'x'.repeat(501) }), { today: TODAY });
    expect(errorsOf(result)).toEqual([{ field: 'noi_dung_de_nghi', message: 'Nội dung đề nghị quá dài (tối đa 500 ký tự).' }]);
  });
});

describe('validateFieldValue', () => {
  it('checks one chat answer with the dossier messages', () => {
    expect(validateFieldValue(khaiSinh, 'tre.ngay_sinh', 'ngày 12 tháng 3 năm 2026', { today: TODAY })).toEqual({ ok: true, value: '2026-03-12' });
    expect(validateFieldValue(khaiSinh, 'tre.ngay_sinh', '12/12/2026', { today: TODAY })).toEqual({
      ok: false,
      message: 'Ngày, tháng, năm sinh không được sau ngày hôm nay.',
    });
    expect(validateFieldValue(khaiSinh, 'tre.ho_ten', '', { today: TODAY }).ok).toBe(false);
    expect(validateFieldValue(khaiSinh, 'me.ho_ten', '', { today: TODAY })).toEqual({ ok: true, value: '' });
    expect(validateFieldValue(khaiSinh, 'tre.biet_danh', 'x')).toEqual({ ok: false, message: 'Tờ khai này không có trường "tre.biet_danh".' });
    expect(validateFieldValue(khaiSinh, 'tre.ngay_sinh_bang_chu', 'x').ok).toBe(false);
  });
});
