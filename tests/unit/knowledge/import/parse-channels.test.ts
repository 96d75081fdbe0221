import { describe, expect, it } from 'vitest';
import { CHANNELS_HEADER, parseChannels } from '../../../../src/knowledge/import/index.js';

const parse = (rows: string) => parseChannels(`${CHANNELS_HEADER}${rows}`);

describe('parseChannels', () => {
  it('reads a time without unit and a free fee for each channel', () => {
    const result = parse('Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí');
    expect(result).toEqual({
      ok: true,
      value: [
        { kind: 'truc-tuyen', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
        { kind: 'buu-chinh', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
        { kind: 'truc-tiep', time: { value: 1 }, fee: { text: 'Miễn phí', amountVnd: 0 } },
      ],
    });
  });

  it('reads the unit, an amount in VND, its note and the description', () => {
    const result = parse('Trực tuyến3 Ngày làm việc7,000 Việt Nam Đồng(thu 7.000 đồng/lần)- Nộp qua VNeID.');
    expect(result.ok && result.value).toEqual([
      {
        kind: 'truc-tuyen',
        time: { value: 3, unit: 'Ngày làm việc' },
        fee: { text: '7,000 Việt Nam Đồng (thu 7.000 đồng/lần)', amountVnd: 7000 },
        description: '- Nộp qua VNeID.',
      },
    ]);
  });

  it('reads decimal times and the other units', () => {
    const result = parse('Trực tiếp0.5 NgàyMiễn phíTrực tuyến8 GiờKhông có thông tin');
    expect(result.ok && result.value).toEqual([
      { kind: 'truc-tiep', time: { value: 0.5, unit: 'Ngày' }, fee: { text: 'Miễn phí', amountVnd: 0 } },
      { kind: 'truc-tuyen', time: { value: 8, unit: 'Giờ' } },
    ]);
  });

  it('keeps a fee as text only when its note contradicts or qualifies it', () => {
    const result = parse(
      'Trực tuyến15 Ngày800,000 Việt Nam Đồng(áp dụng mức phí 400.000 đồng/hồ sơ)Trực tiếp7Miễn phí(Mức lệ phí do Hội đồng nhân dân tỉnh quy định)Dịch vụ bưu chính7Miễn phí(Không quy định.)',
    );
    expect(result.ok && result.value.map((channel) => channel.fee)).toEqual([
      { text: '800,000 Việt Nam Đồng (áp dụng mức phí 400.000 đồng/hồ sơ)' },
      { text: 'Miễn phí (Mức lệ phí do Hội đồng nhân dân tỉnh quy định)' },
      { text: 'Miễn phí (Không quy định.)', amountVnd: 0 },
    ]);
  });

  it('keeps every fee row of a channel in the text and then gives no amount', () => {
    const result = parse('Trực tiếp5 Ngày làm việc0 VNĐ(sân bay chuyên dùng)Miễn phí(từ ngày 07/4/2026)- Nộp tại Cục.');
    expect(result.ok && result.value[0]?.fee).toEqual({ text: '0 VNĐ (sân bay chuyên dùng); Miễn phí (từ ngày 07/4/2026)' });
    expect(result.ok && result.value[0]?.description).toBe('- Nộp tại Cục.');
  });

  it('splits a time glued to an amount, trusting no amount when the split is ambiguous', () => {
    expect(parse('Trực tuyến120,000 VNĐ').ok && parse('Trực tuyến120,000 VNĐ')).toMatchObject({
      value: [{ kind: 'truc-tuyen', time: { value: 1 }, fee: { text: '20,000 VNĐ', amountVnd: 20000 } }],
    });
    const ambiguous = parse('Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)');
    expect(ambiguous.ok && ambiguous.value).toEqual([{ kind: 'truc-tuyen', time: { value: 1 }, fee: { text: '20 VNĐ (20.000 vnđ /tờ khai)' } }]);
  });

  it('does not take a channel named inside a description for a new row', () => {
    const result = parse('Trực tiếp10 NgàyMiễn phí- Trực tiếp: nộp tại Sở. + Trực tuyến: qua Cổng.');
    expect(result.ok && result.value).toHaveLength(1);
  });

  it('falls back when the time is text or the header is missing', () => {
    expect(parse('Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC').ok).toBe(false);
    expect(parseChannels('Trực tuyến1Miễn phí').ok).toBe(false);
  });

  it('reads an empty cell as no channels', () => {
    expect(parseChannels('Không có thông tin')).toEqual({ ok: true, value: [] });
    expect(parse('')).toEqual({ ok: true, value: [] });
  });
});
