import { describe, expect, it } from 'vitest';
import { CATALOGUE_CRAWL_DATE, importRecord } from '../../../../src/knowledge/import/index.js';
import { EntrySchema, type Entry } from '../../../../src/knowledge/schema.js';
import { readSampleLines, readSampleRecord } from './fixture.js';

/** Imports a sample record and validates it as the loader will. */
function importSample(code: string): { entry: Entry; fallbacks: string[] } {
  const imported = importRecord(readSampleRecord(code));
  expect(imported.problems).toEqual([]);
  return { entry: EntrySchema.parse(imported.entry), fallbacks: imported.fallbacks.map((f) => f.field) };
}

describe('importRecord on real catalogue records', () => {
  it('imports every sample line into a valid entry', () => {
    const codes = readSampleLines().map((line) => (JSON.parse(line) as { ma_thu_tuc: string }).ma_thu_tuc);
    expect(codes).toHaveLength(12);
    for (const code of codes) expect(importSample(code).entry.id).toBe(`dvc-${code}`);
  });

  it('1.001193 birth registration (Justice): free on all three channels, time 1 without unit', () => {
    const { entry, fallbacks } = importSample('1.001193');
    expect(fallbacks).toEqual([]);
    expect(entry).toMatchObject({
      id: 'dvc-1.001193',
      codes: ['1.001193'],
      title: { vi: 'Thủ tục đăng ký khai sinh' },
      levels: ['xã'],
      field: 'Hộ tịch',
      ministry: 'bo-tu-phap',
      decision: '163/QĐ-BTP',
      whoMayFile: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
      result: ['Giấy khai sinh'],
      url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      status: 'published',
      verified: true,
      updatedAt: CATALOGUE_CRAWL_DATE,
      reviewedBy: null,
    });
    expect(entry.channels).toEqual(
      ['truc-tuyen', 'buu-chinh', 'truc-tiep'].map((kind) => ({ kind, time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } })),
    );
    expect(entry.documents[0]).toEqual({
      name: 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.',
      group: 'Giấy tờ phải nộp',
      quantity: 1,
      copy: 'original',
    });
    // Rows under the "Lưu ý" heading are notes of the paper before them, not papers (issue 19).
    expect(new Set(entry.documents.map((d) => d.group))).toEqual(new Set(['Giấy tờ phải nộp', 'Giấy tờ phải xuất trình', undefined]));
    expect(entry.documents.some((d) => d.note)).toBe(true);
    expect(entry.legalBasis).toHaveLength(15);
    expect(entry.legalBasis).toContainEqual({ title: 'Luật 60/2014/QH13', number: '60/2014/QH13' });
    expect(entry.legalBasis).toContainEqual({ title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp', number: '03/2023/TT-BTP' });
    expect(entry.agencies).toEqual({});
  });

  it('1.004194 temporary residence (Public Security): online 3 working days 7,000 VND, in person 10,000 VND', () => {
    const { entry, fallbacks } = importSample('1.004194');
    expect(fallbacks).toEqual([]);
    expect(entry.channels.map((c) => [c.kind, c.time, c.fee?.amountVnd])).toEqual([
      ['truc-tuyen', { value: 3, unit: 'Ngày làm việc' }, 7000],
      ['truc-tiep', { value: 3, unit: 'Ngày làm việc' }, 10000],
    ]);
    expect(entry.channels[0]?.fee?.text).toMatch(/^7,000 Việt Nam Đồng \(- Đăng ký tạm trú/);
    expect(entry.agencies).toEqual({ receiving: 'Công an cấp xã', deciding: 'Công an cấp Xã' });
    const ct01 = entry.documents.find((d) => d.form === '1.MuCT01banhnhkmtheoThngts53.doc');
    expect(ct01?.name).toMatch(/^Tờ khai thay đổi thông tin cư trú \(Mẫu CT01 ban hành kèm theo Thông tư số 53\/2025\/TT-BCA\)/);
    // "1 bản chính,1 bản sao": both are asked for (issue 19), never "original or copy".
    expect(entry.documents.find((d) => d.name.startsWith('Văn bản đề nghị đăng ký tạm trú'))).toMatchObject({ quantity: 1, copy: 'original-and-copy', copies: 1 });
    expect(entry.legalBasis).toContainEqual({ title: 'Luật Cư trú 2020', number: '68/2020/QH14' });
    expect(entry.legalBasis[0]?.number).toBe('53/2025/TT-BCA');
    expect(entry.result).toEqual([
      'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (lĩnh vực cư trú)',
      'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư',
      'Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú',
      'Cập nhật thông tin trong Cơ sở dữ liệu về cư trú',
    ]);
    expect(entry.steps[0]).toBe('Bước 1: Cá nhân, tổ chức chuẩn bị hồ sơ theo quy định của pháp luật.');
    expect(entry.steps).toHaveLength(5);
  });

  it('1.003176 security licence (Public Security, ministry level): 300,000 VND and an attached form', () => {
    const { entry, fallbacks } = importSample('1.003176');
    expect(fallbacks).toEqual([]);
    expect(entry.levels).toEqual(['bộ']);
    expect(entry.channels.every((c) => c.fee?.amountVnd === 300000 && c.time?.value === 4 && c.time.unit === 'Ngày làm việc')).toBe(true);
    expect(entry.documents.map((d) => d.form).filter(Boolean)).toEqual(['Mẫu số 03-KDDK-ND56.docx']);
  });

  it('1.013040 emission fee (Finance): three levels, a longer postal time', () => {
    const { entry, fallbacks } = importSample('1.013040');
    expect(fallbacks).toEqual([]);
    expect(entry.levels).toEqual(['bộ', 'tỉnh', 'xã']);
    expect(entry.channels.map((c) => [c.kind, c.time?.value])).toEqual([
      ['truc-tuyen', 10],
      ['buu-chinh', 40],
      ['truc-tiep', 10],
    ]);
    expect(entry.legalBasis).toContainEqual({ title: 'Phí và lệ phí', number: '97/2015/QH13' });
  });

  it('1.000014 customs (Finance): a time glued to an amount in thousands keeps the text and no amount', () => {
    const { entry } = importSample('1.000014');
    expect(entry.channels).toEqual([
      { kind: 'truc-tuyen', time: { value: 1 }, fee: { text: '20 VNĐ (20.000 vnđ /tờ khai)' } },
      { kind: 'truc-tiep', time: { value: 1 }, fee: { text: '20 VNĐ (20.000 vnđ /tờ khai)' } },
    ]);
    expect(entry.legalBasis.slice(0, 2)).toEqual([
      { title: 'Nghị định 08/2015/NĐ-CP', number: '08/2015/NĐ-CP' },
      { title: 'Luật 54/2014/QH13', number: '54/2014/QH13' },
    ]);
  });

  it('1.008312 resource tax (Finance): a textual processing time keeps the channels as official text', () => {
    const { entry, fallbacks } = importSample('1.008312');
    expect(fallbacks).toEqual(['channels']);
    expect(entry.channels).toEqual([]);
    expect(entry.raw?.channels).toMatch(/^Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC Quốc gia/);
    expect(entry.raw?.channels).not.toContain('Hình thức nộp');
    expect(entry.documents[0]).toMatchObject({ quantity: 1, form: 'Mẫu số 01 TAIN.docx' });
  });

  it('2.001401 irrigation permit (Agriculture & Environment): form file glued to a date', () => {
    const { entry, fallbacks } = importSample('2.001401');
    expect(fallbacks).toEqual([]);
    expect(entry.documents[0]).toEqual({
      name: 'Đơn đề nghị gia hạn, điều chỉnh nội dung giấy phép theo mẫu đơn (quy định tại Phụ lục III ban hành kèm theo Nghị định số 40/2026/NĐ-CP ngày 25/01/2026',
      quantity: 1,
      copy: 'original',
      form: 'Mau don de nghi cap, gia han giay phep.docx',
    });
    expect(entry.channels[0]?.description).toBe('02 ngày làm việc, kể từ ngày nhận đủ hồ sơ theo quy định');
    expect(entry.agencies).toEqual({ receiving: 'Sở Nông nghiệp và Môi trường', deciding: 'Chủ tịch ủy ban nhân dân cấp tỉnh' });
  });

  it('1.000916 marine research (Agriculture & Environment): page furniture shifted into the conditions is dropped', () => {
    const { entry, fallbacks } = importSample('1.000916');
    expect(fallbacks).toEqual(['legalBasis']);
    expect(entry.conditions).toEqual([]);
    expect(entry.result).toEqual([]);
    expect(entry.channels).toEqual([{ kind: 'truc-tiep', time: { value: 250, unit: 'Ngày làm việc' }, fee: { text: 'Miễn phí', amountVnd: 0 } }]);
    expect(entry.raw?.legalBasis).toBe('Nghị định 41/2016/NĐ-CP41/201Đ-CPLuật82/2015/QH13');
  });

  it('1.009462 inland port (Construction): two levels, copies and the section heading as group', () => {
    const { entry, fallbacks } = importSample('1.009462');
    expect(fallbacks).toEqual([]);
    expect(entry.levels).toEqual(['bộ', 'tỉnh']);
    expect(entry.documents[0]).toEqual({
      name: 'Bản sao văn bản chấp thuận chủ trương đầu tư dự án của cơ quan có thẩm quyền (nếu có);',
      group: 'Hồ sơ đối với cảng thủy nội địa không tiếp nhận phương tiện thủy nước ngoài',
      quantity: 1,
      copy: 'copy',
    });
    expect(entry.legalBasis).toEqual([{ title: 'Quy định về quản lý hoạt động đường thủy nội địa', number: '08/2021/NĐ-CP' }]);
    expect(entry.result).toEqual(['Văn bản thỏa thuận thông số kỹ thuật xây dựng cảng']);
  });

  it('1.013225 building permit (Construction): commune level and "Cơ quan khác"', () => {
    const { entry } = importSample('1.013225');
    expect(entry.levels).toEqual(['xã', 'khác']);
    expect(entry.channels.map((c) => c.fee)).toEqual([
      { text: 'Miễn phí (Theo quy định của Hội đồng nhân dân cấp tỉnh)' },
      { text: 'Miễn phí (Theo quy định của Hội đồng nhân dân cấp tỉnh)' },
      { text: 'Miễn phí (Theo quy định của Hội đồng nhân dân cấp tỉnh.)' },
    ]);
    expect(entry.documents[0]?.group).toBe('(1.1) Đối với công trình không theo tuyến');
  });

  it('1.001668 branch relocation (State Bank): a number column repeating "Thông tư số"', () => {
    const { entry, fallbacks } = importSample('1.001668');
    expect(fallbacks).toEqual([]);
    expect(entry.legalBasis[0]).toEqual({
      title: 'Thông tư sửa đổi, bổ sung một số điều của các Thông tư quy định về hồ sơ, thủ tục chấp thuận những thay đổi và mạng lưới hoạt động của tổ chức tín dụng phi ngân hàng',
      number: '30/2024/TT-NHNN',
    });
    expect(entry.result).toHaveLength(2);
    expect(entry.whoMayFile).toEqual(['Tổ chức (không bao gồm doanh nghiệp, HTX)']);
  });

  it('3.000165 court copies (Courts): all levels, no time unit, a legal-basis cell holding the next section', () => {
    const { entry, fallbacks } = importSample('3.000165');
    expect(fallbacks).toEqual([]);
    expect(entry.levels).toEqual(['bộ', 'tỉnh', 'xã']);
    expect(entry.channels).toEqual([
      { kind: 'truc-tuyen', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
      { kind: 'truc-tiep', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
    ]);
    expect(entry.documents).toEqual([
      { name: 'Đơn đăng ký cấp sao tài liệu', quantity: 1, copy: 'original' },
      { name: 'Chứng minh nhân dân/Căn cước công dân', quantity: 1, copy: 'copy' },
    ]);
    expect(entry.legalBasis).toEqual([]);
    expect(entry.result).toEqual(['Văn bản tố tụng của Tòa án theo tiến trình giải quyết']);
    expect(entry.whoMayFile).toContain('Cán bộ, công chức, viên chức');
  });

  it('reports an unknown level instead of building an entry', () => {
    const record = { ...readSampleRecord('1.001193'), cap_thuc_hien: 'Cấp huyện' };
    expect(importRecord(record).problems).toEqual([{ field: 'levels', message: 'unknown level "Cấp huyện"' }]);
  });
});
