import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formsForProcedure, getForm, listForms, toPublicForm } from '../../../src/forms/index.js';

const FORM_IDS = ['to-khai-khai-sinh', 'to-khai-khai-tu', 'to-khai-ket-hon', 'ct01-thay-doi-cu-tru', 'to-khai-cap-ban-sao-trich-luc'];
const FIELD_TYPES = ['text', 'name', 'date', 'id-number', 'phone', 'email', 'select', 'number', 'address', 'year'];

describe('form registry', () => {
  it('lists exactly the five contract form ids', () => {
    expect(listForms().map((form) => form.id)).toEqual(FORM_IDS);
    for (const id of FORM_IDS) expect(getForm(id)?.id).toBe(id);
    expect(getForm('to-khai-khac')).toBeUndefined();
  });

  it('links each form to curated entries that exist', () => {
    for (const form of listForms()) {
      expect(form.procedureIds.length).toBeGreaterThan(0);
      for (const entryId of form.procedureIds) expect(existsSync(`knowledge/curated/${entryId}.yaml`), entryId).toBe(true);
    }
  });

  it('finds the forms of a procedure', () => {
    expect(formsForProcedure('dang-ky-khai-sinh').map((form) => form.id)).toEqual(['to-khai-khai-sinh']);
    expect(formsForProcedure('dang-ky-khai-sinh-lai').map((form) => form.id)).toEqual(['to-khai-khai-sinh']);
    expect(formsForProcedure('lien-thong-khai-sinh-thuong-tru-bhyt').map((form) => form.id)).toEqual(['to-khai-khai-sinh']);
    expect(formsForProcedure('dang-ky-khai-tu').map((form) => form.id)).toEqual(['to-khai-khai-tu']);
    expect(formsForProcedure('dang-ky-ket-hon').map((form) => form.id)).toEqual(['to-khai-ket-hon']);
    for (const entryId of ['dang-ky-thuong-tru', 'dang-ky-tam-tru', 'xoa-dang-ky-thuong-tru', 'xac-nhan-thong-tin-cu-tru']) {
      expect(formsForProcedure(entryId).map((form) => form.id)).toEqual(['ct01-thay-doi-cu-tru']);
    }
    expect(formsForProcedure('cap-ban-sao-trich-luc-ho-tich').map((form) => form.id)).toEqual(['to-khai-cap-ban-sao-trich-luc']);
    expect(formsForProcedure('khai-bao-tam-vang')).toEqual([]);
    expect(formsForProcedure('cap-the-can-cuoc')).toEqual([]);
  });

  it('cites the issuing circular', () => {
    expect(getForm('ct01-thay-doi-cu-tru')?.legalBasis).toBe('Thông tư 53/2025/TT-BCA');
    for (const id of ['to-khai-khai-sinh', 'to-khai-khai-tu', 'to-khai-ket-hon', 'to-khai-cap-ban-sao-trich-luc']) {
      expect(getForm(id)?.legalBasis).toBe('Thông tư 04/2024/TT-BTP');
    }
  });

  it('has well-formed fields: unique dot paths, known types, both languages, a question for each asked field', () => {
    for (const form of listForms()) {
      const names = form.fields.map((field) => field.name);
      expect(new Set(names).size, form.id).toBe(names.length);
      expect(names, form.id).toContain('kinh_gui');
      for (const field of form.fields) {
        expect(field.name).toMatch(/^[a-z_]+(?:\.(?:[a-z_]+|\d+))*$/u);
        expect(FIELD_TYPES).toContain(field.type);
        expect(field.label.vi.length * field.label.en.length, field.name).toBeGreaterThan(0);
        if (!field.derived) expect(field.ask?.vi && field.ask.en, `${form.id} ${field.name}`).toBeTruthy();
        if (field.type === 'select') expect(field.options?.length, field.name).toBeGreaterThan(0);
        if (field.derived) expect(names).toContain(field.derived.from);
      }
    }
  });

  it('has the structure each paper form has', () => {
    const names = (id: string) => getForm(id)!.fields.map((field) => field.name);
    expect(names('to-khai-khai-sinh')).toEqual(expect.arrayContaining(['nguoi_yeu_cau.quan_he', 'tre.ngay_sinh_bang_chu', 'tre.que_quan', 'me.nam_sinh', 'cha.noi_cu_tru', 'ngay_khai']));
    expect(names('to-khai-ket-hon')).toEqual(expect.arrayContaining(['ben_nu.ket_hon_lan_thu', 'ben_nam.ket_hon_lan_thu', 'ben_nu.so_dinh_danh', 'ben_nam.noi_cu_tru']));
    expect(names('to-khai-khai-tu')).toEqual(expect.arrayContaining(['nguoi_chet.noi_cu_tru_cuoi_cung', 'nguoi_chet.nguyen_nhan_chet', 'giay_bao_tu.so', 'giay_bao_tu.co_quan_cap']));
    expect(names('ct01-thay-doi-cu-tru')).toEqual(expect.arrayContaining(['chu_ho.ho_ten', 'chu_ho.so_dinh_danh', 'noi_dung_de_nghi', 'thanh_vien.0.ho_ten', 'thanh_vien.4.quan_he_chu_ho']));
    expect(names('to-khai-cap-ban-sao-trich-luc')).toEqual(expect.arrayContaining(['trich_luc.loai', 'trich_luc.so_dang_ky', 'so_ban_sao', 'muc_dich']));
  });

  it('allows the old CMND only for the deceased and the person named in a copy request', () => {
    const withOld = listForms().flatMap((form) => form.fields.filter((field) => field.allowOldCmnd).map((field) => `${form.id}:${field.name}`));
    expect(withOld).toEqual(['to-khai-khai-tu:nguoi_chet.so_dinh_danh', 'to-khai-cap-ban-sao-trich-luc:nguoi_duoc_cap.so_dinh_danh']);
  });

  it('cannot be changed by a caller', () => {
    const form = getForm('to-khai-ket-hon')!;
    expect(Object.isFrozen(form)).toBe(true);
    expect(Object.isFrozen(form.fields[0])).toBe(true);
    expect(() => (form.fields as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('toPublicForm', () => {
  it('gives the GET /api/forms contract shape, serialisable as JSON', () => {
    for (const form of listForms()) {
      const json = JSON.parse(JSON.stringify(toPublicForm(form))) as Record<string, unknown>;
      expect(json).toMatchObject({ id: form.id, title: { vi: expect.any(String), en: expect.any(String) }, procedureIds: [...form.procedureIds] });
      const fields = json.fields as Record<string, unknown>[];
      expect(fields).toHaveLength(form.fields.length);
      for (const field of fields) {
        expect(field).toMatchObject({ name: expect.any(String), label: { vi: expect.any(String), en: expect.any(String) }, type: expect.any(String), required: expect.any(Boolean) });
      }
      expect(json.rules).toEqual(form.rules.map((rule) => ({ id: rule.id, description: rule.description })));
    }
  });

  it('keeps option codes and labels but not the matching aliases', () => {
    const gender = toPublicForm(getForm('ct01-thay-doi-cu-tru')!).fields.find((field) => field.name === 'nguoi_yeu_cau.gioi_tinh');
    expect(gender?.options).toEqual([
      { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ]);
  });
});
