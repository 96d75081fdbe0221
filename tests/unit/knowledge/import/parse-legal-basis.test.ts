import { describe, expect, it } from 'vitest';
import { LEGAL_BASIS_HEADER, parseLegalBasis } from '../../../../src/knowledge/import/index.js';

const parse = (rows: string) => parseLegalBasis(`${LEGAL_BASIS_HEADER}${rows}`);

describe('parseLegalBasis', () => {
  it('splits titles glued to their numbers, the header removed', () => {
    expect(parse('Luật Cư trú 202068/2020/QH14Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú154/2024/NĐ-CP')).toEqual({
      ok: true,
      value: [
        { title: 'Luật Cư trú 2020', number: '68/2020/QH14' },
        { title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', number: '154/2024/NĐ-CP' },
      ],
    });
  });

  it('takes the trailing glued number, not the numbers a title quotes', () => {
    const result = parse(
      'Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA ngày 15 tháng 5 năm 2021.53/2025/TT-BCAThông tư 57/2021/TT-BCA57/2021/TT-BCA',
    );
    expect(result.ok && result.value).toEqual([
      { title: 'Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA ngày 15 tháng 5 năm 2021.', number: '53/2025/TT-BCA' },
      { title: 'Thông tư 57/2021/TT-BCA', number: '57/2021/TT-BCA' },
    ]);
  });

  it('reads decimal numbers, decisions without a year and the legislature codes', () => {
    const result = parse('Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định66.7/2025/NQ-CPQuyết định công bố thủ tục163/QĐ-BTPLuật 60/2014/QH1360/2014/QH13');
    expect(result.ok && result.value).toEqual([
      { title: 'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định', number: '66.7/2025/NQ-CP' },
      { title: 'Quyết định công bố thủ tục', number: '163/QĐ-BTP' },
      { title: 'Luật 60/2014/QH13', number: '60/2014/QH13' },
    ]);
  });

  it('reads a number column that repeats the document type', () => {
    const result = parse('Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPLuật Các tổ chức tín dụngLuật số 32/2024/QH15');
    expect(result.ok && result.value).toEqual([
      { title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp', number: '03/2023/TT-BTP' },
      { title: 'Luật Các tổ chức tín dụng', number: '32/2024/QH15' },
    ]);
  });

  it('moves "Luật số" before a number into the number column, and skips a number the title quotes after "số"', () => {
    const result = parse(
      'Luật Trồng trọt Luật số 31/2018/QH14Nghị định số 280/2025/NĐ-CP sửa đổi, được sửa đổi bởi Nghị định số 07/2025/NĐ-CP280/2025/NĐ-CP',
    );
    expect(result.ok && result.value).toEqual([
      { title: 'Luật Trồng trọt', number: '31/2018/QH14' },
      { title: 'Nghị định số 280/2025/NĐ-CP sửa đổi, được sửa đổi bởi Nghị định số 07/2025/NĐ-CP', number: '280/2025/NĐ-CP' },
    ]);
  });

  it('backtracks when a number quoted by a title looks like a row end', () => {
    const result = parse('Luật Phòng, chống ma túy số 73/2021/QH1473/2021/QH14');
    expect(result.ok && result.value).toEqual([{ title: 'Luật Phòng, chống ma túy số 73/2021/QH14', number: '73/2021/QH14' }]);
  });

  it('falls back when a row has no number or lost characters', () => {
    expect(parse('Luật thú y19/6/2015').ok).toBe(false);
    expect(parse('Nghị định 41/2016/NĐ-CP41/201Đ-CPLuật82/2015/QH13').ok).toBe(false);
    expect(parseLegalBasis('Luật Cư trú68/2020/QH14').ok).toBe(false);
  });

  it('reads an empty section as no legal basis', () => {
    expect(parseLegalBasis('Không có thông tin')).toEqual({ ok: true, value: [] });
    expect(parseLegalBasis('Không có thông tinCơ quan thực hiệnTòa án nhân dân tối cao')).toEqual({ ok: true, value: [] });
  });
});
