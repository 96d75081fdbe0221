import { describe, expect, it } from 'vitest';
import { renderDossierPage } from '../../../src/dossiers/print-page.js';
import type { PrintableForm } from '../../../src/dossiers/printable-form.js';

const requester = { vi: 'Người yêu cầu', en: 'Requester' };
const child = { vi: 'Người được khai sinh', en: 'Child' };

/** A small birth-registration-like form: groups, a date, an optional field left empty, and the addressee. */
function buildBirthForm(): PrintableForm {
  return {
    id: 'to-khai-khai-sinh',
    title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' },
    legalBasis: 'Thông tư 04/2024/TT-BTP',
    fields: [
      { name: 'kinh_gui', label: { vi: 'Kính gửi', en: 'To' }, type: 'text', required: true },
      { name: 'nguoi_yeu_cau.ho_ten', label: { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, type: 'text', required: true, group: requester },
      { name: 'nguoi_yeu_cau.so_giay_to', label: { vi: 'Số giấy tờ tùy thân', en: 'ID number' }, type: 'text', required: true, group: requester },
      { name: 'tre.ho_ten', label: { vi: 'Họ, chữ đệm, tên của trẻ', en: "Child's name" }, type: 'text', required: true, group: child },
      { name: 'tre.ngay_sinh', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, type: 'date', required: true, group: child },
      { name: 'nguoi_yeu_cau.dien_thoai', label: { vi: 'Số điện thoại', en: 'Phone' }, type: 'text', required: false, group: requester },
      { name: 'tre.que_quan', label: { vi: 'Quê quán', en: 'Home town' }, type: 'text', required: false, group: child },
    ],
  };
}

const VALUES = {
  kinh_gui: 'Ủy ban nhân dân phường Bến Thành',
  'nguoi_yeu_cau.ho_ten': 'Nguyễn Thị Hoa',
  'nguoi_yeu_cau.so_giay_to': '079123456789',
  'tre.ho_ten': 'Trần Minh Khôi',
  'tre.ngay_sinh': '2026-03-01',
  'nguoi_yeu_cau.dien_thoai': '0901234567',
};
const REFERENCE = 'HS-7K3-M9Q-XDP';
const CREATED_AT = new Date('2026-03-10T23:30:00.000Z'); // 06:30 on 11/03/2026 in Vietnam

function render(values: Record<string, string> = VALUES, form = buildBirthForm()): string {
  return renderDossierPage({ form, values, reference: REFERENCE, createdAt: CREATED_AT });
}

describe('renderDossierPage', () => {
  it('is a complete A4 document with the national header, the title in capitals and the legal basis', () => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:\s*15mm;?\s*\}/);
    expect(html).toMatch(/font-family:[^;]*"Times New Roman"[^;]*"Noto Serif"[^;]*"DejaVu Serif"[^;]*serif/);
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toContain('<h1>TỜ KHAI ĐĂNG KÝ KHAI SINH</h1>');
    expect(html).toContain('Mẫu theo Thông tư 04/2024/TT-BTP');
    expect(html).toContain('Kính gửi:');
    expect(html).toContain('Ủy ban nhân dân phường Bến Thành');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows every field label and every provided value, grouped in order, dates day-first', () => {
    const html = render();
    for (const field of buildBirthForm().fields) expect(html).toContain(field.label.vi);
    for (const [name, value] of Object.entries(VALUES)) {
      expect(html).toContain(name === 'tre.ngay_sinh' ? '01/03/2026' : value);
    }
    expect(html).not.toContain('2026-03-01');
    // Groups in order of first appearance, each holding its fields (the phone joins its requester group).
    const order = ['Người yêu cầu</h2>', 'Họ, chữ đệm, tên:', 'Số điện thoại', 'Người được khai sinh</h2>', 'Quê quán'];
    const positions = order.map((text) => html.indexOf(text));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints an option’s label, not its stored code', () => {
    const form = buildBirthForm();
    const options = [
      { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ];
    form.fields = [...form.fields, { name: 'tre.gioi_tinh', label: { vi: 'Giới tính', en: 'Sex' }, type: 'select', required: true, options, group: child }];
    const html = render({ ...VALUES, 'tre.gioi_tinh': 'nu' }, form);
    expect(html).toContain('<span class="label">Giới tính:</span><span class="value">Nữ</span>');
  });

  it('leaves a dotted blank for an empty optional field', () => {
    const html = render();
    expect(html).toMatch(/data-field="tre\.que_quan"><span class="label">Quê quán:<\/span><span class="blank"><\/span>/);
    expect(html).toMatch(/\.blank\s*\{[^}]*dotted/);
  });

  it('has the declaration, the place/date line in the ward’s day, one signature with the requester’s name', () => {
    const html = render();
    expect(html).toContain('Tôi cam đoan');
    expect(html).toContain('ngày 11 tháng 03 năm 2026');
    expect(html.match(/class="signature"/g)).toHaveLength(1);
    expect(html).toMatch(/Người yêu cầu<\/div><div class="hint">\(Ký, ghi rõ họ, chữ đệm, tên\)[\s\S]*Nguyễn Thị Hoa<\/div>/);
  });

  it('has the reference, an inline QR code, the creation time and the reference-copy note', () => {
    const html = render();
    expect(html).toContain(`<span class="code">${REFERENCE}</span>`);
    expect(html).toContain('<svg');
    expect(html).toContain('Lập lúc: 11/03/2026 06:30');
    expect(html).toContain('Bản điền sẵn để tham khảo — người dân kiểm tra, ký tên tại bộ phận một cửa');
  });

  it('escapes every value, so a script typed into a field stays text', () => {
    const html = render({ ...VALUES, 'tre.que_quan': '<script>alert(1)</script>', 'tre.ho_ten': '"><img src=x onerror=alert(2)>' });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('loads nothing from outside: no http(s) src/href, no @import, no url()', () => {
    const html = render();
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\(|<link|<script/i);
  });

  it('has two signature blocks and the joint declaration for the marriage form', () => {
    const side = (key: string, vi: string) => ({ name: `${key}.ho_ten`, label: { vi: 'Họ, chữ đệm, tên', en: 'Name' }, type: 'text', required: true, group: { vi, en: vi } });
    const form: PrintableForm = {
      id: 'to-khai-ket-hon',
      title: { vi: 'Tờ khai đăng ký kết hôn', en: 'Marriage registration form' },
      legalBasis: 'Thông tư 04/2024/TT-BTP',
      fields: [side('ben_nu', 'Bên nữ'), side('ben_nam', 'Bên nam')],
    };
    const html = render({ 'ben_nu.ho_ten': 'Lê Thị Mai', 'ben_nam.ho_ten': 'Phạm Văn Nam' }, form);
    expect(html.match(/class="signature"/g)).toHaveLength(2);
    expect(html).toMatch(/Bên nữ<\/div>[\s\S]*Lê Thị Mai<\/div>[\s\S]*Bên nam<\/div>[\s\S]*Phạm Văn Nam<\/div>/);
    expect(html).toContain('Chúng tôi cam đoan');
    expect(html).toContain('việc kết hôn của chúng tôi là tự nguyện');
  });

  it('takes the addressee from the options first, and leaves a blank when nobody is named', () => {
    const named = renderDossierPage({ form: buildBirthForm(), values: VALUES, reference: REFERENCE, createdAt: CREATED_AT, addressee: 'UBND phường X', place: 'Phường X' });
    expect(named).toContain('UBND phường X');
    expect(named).not.toContain('Bến Thành');
    expect(named).toContain('Làm tại: Phường X, ngày 11 tháng 03 năm 2026');
    const { kinh_gui: _omitted, ...rest } = VALUES;
    expect(render(rest)).toMatch(/Kính gửi:<\/span><span class="blank"><\/span>/);
  });
});
