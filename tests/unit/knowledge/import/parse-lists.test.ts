import { describe, expect, it } from 'vitest';
import { parseConditions, parseLevels, parseSteps, parseWhoMayFile, splitLogicalLines } from '../../../../src/knowledge/import/index.js';

describe('parseSteps', () => {
  it('makes one step per "Bước N" with its sub-lines', () => {
    const cell = 'Bước 1: Chuẩn bị hồ sơ.\n Bước 2: Nộp hồ sơ.\n- Trường hợp đủ điều kiện thì tiếp nhận.\n- Trường hợp không đủ thì từ chối.\n Bước 3: Nhận kết quả.';
    expect(parseSteps(cell)).toEqual({
      ok: true,
      value: ['Bước 1: Chuẩn bị hồ sơ.', 'Bước 2: Nộp hồ sơ.\nTrường hợp đủ điều kiện thì tiếp nhận.\nTrường hợp không đủ thì từ chối.', 'Bước 3: Nhận kết quả.'],
    });
  });

  it('makes one step per line otherwise, joining lines broken mid-sentence', () => {
    expect(parseSteps('- Người vận tải nộp hồ sơ đến cơ quan cấp Giấy phép vận \nchuyển hàng hóa nguy hiểm.\n- Cơ quan cấp phép trả kết quả.')).toEqual({
      ok: true,
      value: ['Người vận tải nộp hồ sơ đến cơ quan cấp Giấy phép vận chuyển hàng hóa nguy hiểm.', 'Cơ quan cấp phép trả kết quả.'],
    });
  });

  it('falls back when the text holds a glued table header', () => {
    expect(parseSteps('Bước 1: Nộp hồ sơ.Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính').ok).toBe(false);
  });
});

describe('parseConditions', () => {
  it('drops the page furniture the crawl appended', () => {
    expect(parseConditions('Giáo viên đáp ứng tiêu chuẩn quy định.\nTừ khóa:')).toEqual({ ok: true, value: ['Giáo viên đáp ứng tiêu chuẩn quy định.'] });
    expect(parseConditions('Không có thông tinTừ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnNộp hồ sơ')).toEqual({ ok: true, value: [] });
  });
});

describe('splitLogicalLines', () => {
  it('keeps list items that start in lower case', () => {
    expect(splitLogicalLines('Hồ sơ gồm\na) Đơn đề nghị;\nb) bản sao giấy phép')).toEqual(['Hồ sơ gồm', 'a) Đơn đề nghị;', 'b) bản sao giấy phép']);
  });
});

describe('parseWhoMayFile', () => {
  it('splits on commas outside parentheses and keeps multi-word categories whole', () => {
    expect(parseWhoMayFile('Cán bộ, công chức, viên chức, Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam')).toEqual([
      'Cán bộ, công chức, viên chức',
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Công dân Việt Nam',
    ]);
    expect(parseWhoMayFile('Không có thông tin')).toEqual([]);
  });
});

describe('parseLevels', () => {
  it('maps every level label, "Cơ quan khác" included', () => {
    expect(parseLevels('Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác')).toEqual({ ok: true, value: ['bộ', 'tỉnh', 'xã', 'khác'] });
  });

  it('fails on an unknown or missing level', () => {
    expect(parseLevels('Cấp huyện').ok).toBe(false);
    expect(parseLevels('').ok).toBe(false);
  });
});
