import { describe, expect, it } from 'vitest';
import { parseResult, stripResultFurniture } from '../../../../src/knowledge/import/index.js';

const FURNITURE =
  'Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Phường/ XãSở-- Chọn Phường/ Xã --Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyếnNộp hồ sơ';

describe('parseResult', () => {
  it('lists result names without their codes and the page furniture', () => {
    expect(parseResult(`Phiếu từ chối tiếp nhậnMã: KQ.G01.000067Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cưMã: KQ.G01.000064${FURNITURE}`)).toEqual({
      ok: true,
      value: ['Phiếu từ chối tiếp nhận', 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư'],
    });
  });

  it('does not swallow the first letter of the next result into a code', () => {
    expect(parseResult('Giấy chứng nhận đăng ký xe tạm thờiMã: KQ.G01.000451Biển số xe tạm thờiMã: 000.00.00.G11-KQ1711Từ khóaKhông có thông tinMô tảKhông có thông tin')).toEqual({
      ok: true,
      value: ['Giấy chứng nhận đăng ký xe tạm thời', 'Biển số xe tạm thời'],
    });
  });

  it('keeps the official description of the result', () => {
    const cell = 'Quyết định công nhận phân bónMã: KQ.G10.000001Từ khóaKhông có thông tinMô tảThời hạn của Quyết định là 10 năm.Chọn cơ quan thực hiệnNộp hồ sơ';
    expect(parseResult(cell)).toEqual({ ok: true, value: ['Quyết định công nhận phân bón', 'Thời hạn của Quyết định là 10 năm.'] });
    expect(stripResultFurniture(cell)).toEqual({ results: 'Quyết định công nhận phân bónMã: KQ.G10.000001', description: 'Thời hạn của Quyết định là 10 năm.' });
  });

  it('falls back on text without result codes (another section shifted here)', () => {
    expect(parseResult('hợp đồng đã ký với khách hàng. + Các quyết định thu hồi Giấy chứng nhận thành viên').ok).toBe(false);
  });

  it('reads an empty cell or furniture alone as no result', () => {
    expect(parseResult('')).toEqual({ ok: true, value: [] });
    expect(parseResult(FURNITURE)).toEqual({ ok: true, value: [] });
  });
});
