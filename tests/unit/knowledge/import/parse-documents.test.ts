import { describe, expect, it } from 'vitest';
import { DOCUMENTS_HEADER, parseDocuments, splitForms } from '../../../../src/knowledge/import/index.js';

describe('parseDocuments', () => {
  it('groups rows under their section headings and reads quantity and copy', () => {
    const cell =
      `* Giấy tờ phải nộp:${DOCUMENTS_HEADER}- Giấy chứng sinh.1 bản chínhVăn bản ủy quyền.1 bản chính,1 bản sao` +
      `* Giấy tờ phải xuất trình:${DOCUMENTS_HEADER}Giấy tờ tùy thân.0 bản chính,1 bản saoTrường hợp nộp trực tuyến thì không phải nộp bản giấy.0 bản chính`;
    const result = parseDocuments(cell);
    expect(result).toEqual({
      ok: true,
      value: [
        { name: 'Giấy chứng sinh.', group: 'Giấy tờ phải nộp', quantity: 1, copy: 'original' },
        { name: 'Văn bản ủy quyền.', group: 'Giấy tờ phải nộp', quantity: 1, copy: 'original-and-copy', copies: 1 },
        // A "0 bản chính" row that states a case is a note on the paper before it, not a paper to bring.
        {
          name: 'Giấy tờ tùy thân.',
          group: 'Giấy tờ phải xuất trình',
          quantity: 1,
          copy: 'copy',
          note: 'Trường hợp nộp trực tuyến thì không phải nộp bản giấy.',
        },
      ],
    });
  });

  it('leaves a "--" heading without group and keeps the attached form', () => {
    const cell = `--${DOCUMENTS_HEADER}Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA);1.MuCT01banhnhkmtheoThngts53.doc1 bản chính`;
    expect(parseDocuments(cell)).toEqual({
      ok: true,
      value: [
        {
          name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA);',
          quantity: 1,
          copy: 'original',
          form: '1.MuCT01banhnhkmtheoThngts53.doc',
        },
      ],
    });
  });

  it('does not read quantities quoted inside a name, nor a year glued to the quantity', () => {
    const cell = `--${DOCUMENTS_HEADER}Hợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực).1 bản chính,1 bản saoGiấy phép xuất khẩu: 01 bản chính1 bản chínhQuyết định ngày 24/5/20181 bản chính`;
    const result = parseDocuments(cell);
    expect(result.ok && result.value.map((item) => [item.name, item.quantity])).toEqual([
      ['Hợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực).', 1],
      ['Giấy phép xuất khẩu: 01 bản chính', 1],
      ['Quyết định ngày 24/5/2018', 1],
    ]);
  });

  it('falls back when the table header is missing or a row has no quantity', () => {
    expect(parseDocuments('); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ').ok).toBe(false);
    expect(parseDocuments(`(1) Chấp thuận${DOCUMENTS_HEADER}Tài liệu chứng minh điều kiện nêu tại mục`).ok).toBe(false);
  });

  it('reads an empty cell as no documents', () => {
    expect(parseDocuments('Không có thông tin')).toEqual({ ok: true, value: [] });
  });
});

describe('splitForms', () => {
  it('separates a file glued after closing punctuation', () => {
    expect(splitForms('Tờ khai (Mẫu số 03).Mẫu số 03-KDDK-ND56.docx')).toEqual({ name: 'Tờ khai (Mẫu số 03).', forms: ['Mẫu số 03-KDDK-ND56.docx'] });
  });

  it('separates a file glued to a document number by the word that opens it', () => {
    expect(splitForms('Đơn theo Mẫu số 06 ban hành kèm theo Nghị định số 32/2026/NĐ-CPMẫu số 06.QLT.docx')).toEqual({
      name: 'Đơn theo Mẫu số 06 ban hành kèm theo Nghị định số 32/2026/NĐ-CP',
      forms: ['Mẫu số 06.QLT.docx'],
    });
  });

  it('separates several files in a row', () => {
    expect(splitForms('Báo cáo theo mẫu;Phụ lục V - T54.docxPhlcVII - T54.docx').forms).toEqual(['Phụ lục V - T54.docx', 'PhlcVII - T54.docx']);
  });

  it('leaves a name without a file untouched', () => {
    expect(splitForms('Bản sao giấy phép.')).toEqual({ name: 'Bản sao giấy phép.', forms: [] });
  });
});
