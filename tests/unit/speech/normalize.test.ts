import { describe, expect, it } from 'vitest';
import { buildSpeechVocabulary, buildSpeechVocabularyInSlices, normalizeForSpeech } from '../../../src/speech/normalize/index.js';

// A vocabulary like the one main.ts builds from the knowledge base, from a few entry-like texts.
const vocabulary = buildSpeechVocabulary([
  'Đăng ký khai sinh',
  'Đăng ký tạm trú cho công dân',
  'Cấp thẻ căn cước',
  'Chứng thực bản sao từ bản chính',
  'Đăng ký kết hôn tại ủy ban nhân dân phường',
  'Giấy chứng nhận quyền sử dụng đất',
  'Hồ sơ gồm giấy tờ tùy thân',
  'Ban quản lý, bạn đọc, bản sao, bán hàng',
]);
const say = (text: string) => normalizeForSpeech(text, { vocabulary });

// [input, spoken form]. Grouped by what the rule is about; the table is the specification of docs/speech.md.
const CASES: [string, string][] = [
  // plain numbers
  ['0', 'không'],
  ['5', 'năm'],
  ['10', 'mười'],
  ['15', 'mười lăm'],
  ['21', 'hai mươi mốt'],
  ['24', 'hai mươi tư'],
  ['105', 'một trăm lẻ năm'],
  ['110', 'một trăm mười'],
  ['1000', 'một nghìn'],
  ['2025', 'hai nghìn không trăm hai mươi lăm'],
  ['trong 05 ngày làm việc', 'trong năm ngày làm việc'],
  ['nộp 02 bản', 'nộp hai bản'],
  ['1.000', 'một nghìn'],
  ['1.500.000', 'một triệu năm trăm nghìn'],
  ['12.345.678', 'mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám'],
  ['1.000.000.000', 'một tỉ'],
  ['3,5 triệu', 'ba phẩy năm triệu'],
  ['0,05', 'không phẩy không năm'],
  // money
  ['50.000 đồng', 'năm mươi nghìn đồng'],
  ['Lệ phí 50.000 đồng.', 'lệ phí năm mươi nghìn đồng.'],
  ['50.000đ', 'năm mươi nghìn đồng'],
  ['100.000 VNĐ', 'một trăm nghìn đồng'],
  ['200.000 VND', 'hai trăm nghìn đồng'],
  ['1.500.000 đồng', 'một triệu năm trăm nghìn đồng'],
  ['8.000 đồng/trang', 'tám nghìn đồng một trang'],
  ['Phí 2.000đ/bản', 'phí hai nghìn đồng một bản'],
  ['200k', 'hai trăm nghìn'],
  ['5tr', 'năm triệu'],
  ['miễn phí (0 đồng)', 'miễn phí, không đồng,'],
  // dates
  ['12/03/2024', 'ngày mười hai tháng ba năm hai nghìn không trăm hai mươi tư'],
  ['ngày 12/03/2024', 'ngày mười hai tháng ba năm hai nghìn không trăm hai mươi tư'],
  ['Ngày 01/7/2025', 'ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm'],
  ['1/1/2026', 'ngày một tháng một năm hai nghìn không trăm hai mươi sáu'],
  ['30-04-1975', 'ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm'],
  ['15.08.2023', 'ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi ba'],
  ['từ ngày 15/3', 'từ ngày mười lăm tháng ba'],
  ['tháng 4/2025', 'tháng tư năm hai nghìn không trăm hai mươi lăm'],
  ['03/2024', 'tháng ba năm hai nghìn không trăm hai mươi tư'],
  ['tháng 4', 'tháng tư'],
  ['tháng 12', 'tháng mười hai'],
  ['năm 2024', 'năm hai nghìn không trăm hai mươi tư'],
  ['hiệu lực từ 01/07/2025.', 'hiệu lực từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm.'],
  // times
  ['7:30', 'bảy giờ ba mươi'],
  ['07:30', 'bảy giờ ba mươi'],
  ['17:00', 'mười bảy giờ'],
  ['7h30', 'bảy giờ ba mươi'],
  ['8h', 'tám giờ'],
  ['Sáng 7:30–11:30', 'sáng bảy giờ ba mươi đến mười một giờ ba mươi'],
  ['chiều 13:30 – 17:00', 'chiều mười ba giờ ba mươi đến mười bảy giờ'],
  ['lúc 9 giờ 15 phút', 'lúc chín giờ mười lăm phút'],
  // ordinals and ranges
  ['thứ 2', 'thứ hai'],
  ['Thứ 2 – Thứ 6', 'thứ hai đến thứ sáu'],
  ['thứ 7', 'thứ bảy'],
  ['lần thứ 1', 'lần thứ nhất'],
  ['lần thứ 4', 'lần thứ tư'],
  ['Điều 5, Khoản 2', 'điều năm, khoản hai'],
  ['5 - 7 ngày', 'năm đến bảy ngày'],
  ['từ 3–5 ngày', 'từ ba đến năm ngày'],
  // phone numbers, digit by digit
  ['0912345678', 'không chín một hai ba bốn năm sáu bảy tám'],
  ['0912.345.678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
  ['024 3825 1234', 'không hai bốn, ba tám hai năm, một hai ba bốn'],
  ['+84 912 345 678', 'cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
  ['1900 1234', 'một chín không không, một hai ba bốn'],
  ['Gọi 0912 345 678.', 'gọi không chín một hai, ba bốn năm, sáu bảy tám.'],
  // national codes and identifiers
  ['1.001193', 'một chấm không không một một chín ba'],
  ['Mã thủ tục 2.000908', 'mã thủ tục hai chấm không không không chín không tám'],
  ['số CCCD 001099012345', 'số căn cước công dân không không một không chín chín không một hai ba bốn năm'],
  // legal documents
  ['Nghị định 123/2015/NĐ-CP', 'nghị định số một trăm hai mươi ba năm hai nghìn không trăm mười lăm nghị định chính phủ'],
  ['Thông tư số 04/2020/TT-BTP', 'thông tư số bốn năm hai nghìn không trăm hai mươi thông tư bộ tư pháp'],
  // abbreviations
  ['UBND', 'ủy ban nhân dân'],
  ['UBND phường', 'ủy ban nhân dân phường'],
  ['CCCD', 'căn cước công dân'],
  ['VNeID', 'vê en e ai đi'],
  ['BHYT', 'bảo hiểm y tế'],
  ['BHXH', 'bảo hiểm xã hội'],
  ['HĐND', 'hội đồng nhân dân'],
  ['TP. Hà Nội', 'thành phố hà nội'],
  ['Q. Hoàn Kiếm', 'quận hoàn kiếm'],
  ['Q.1', 'quận một'],
  ['P. Cửa Nam', 'phường cửa nam'],
  ['TP.HCM', 'thành phố hồ chí minh'],
  ['CMND', 'chứng minh nhân dân'],
  ['Giấy tờ: CCCD, sổ hộ khẩu, v.v.', 'giấy tờ: căn cước công dân, sổ hộ khẩu, vân vân'],
  ['CSGT', 'xê ét giê tê'],
  ['HTX', 'hát tê ích'],
  ['HỒ SƠ', 'hồ sơ'],
  ['nộp qua VNeID hoặc Cổng DVC', 'nộp qua vê en e ai đi hoặc cổng dịch vụ công'],
  // units and signs
  ['100 m2', 'một trăm mét vuông'],
  ['50m²', 'năm mươi mét vuông'],
  ['5 km', 'năm ki lô mét'],
  ['2 ha', 'hai héc ta'],
  ['tăng 5%', 'tăng năm phần trăm'],
  ['ảnh 4x6 cm', 'ảnh bốn x sáu xen ti mét'],
  ['cha & mẹ', 'cha và mẹ'],
  ['vợ/chồng', 'vợ hoặc chồng'],
  ['• Tờ khai', 'tờ khai'],
  // addresses
  ['xem tại dichvucong.gov.vn', 'xem tại dichvucong chấm gov chấm vn'],
  ['hotro@phuong.gov.vn', 'hotro a còng phuong chấm gov chấm vn'],
  // unmarked words restored from the knowledge base's vocabulary
  ['dang ky khai sinh', 'đăng ký khai sinh'],
  ['Dang ky tam tru', 'đăng ký tạm trú'],
  ['cap the can cuoc', 'cấp thẻ căn cước'],
  ['chung thuc ban sao', 'chứng thực bản sao'],
  ['ban', 'ban'],
  ['dang ky ket hon o dau', 'đăng ký kết hôn o dau'],
  ['đăng ký email', 'đăng ký i meo'],
  ['Đăng ký tam tru', 'đăng ký tạm trú'],
  ['đăng ký tạm trú o dau', 'đăng ký tạm trú o dau'],
];

describe('normalizeForSpeech', () => {
  it('has at least 80 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(80));

  it.each(CASES)('%s', (input, spoken) => {
    expect(say(input)).toBe(spoken);
  });

  it('leaves no digit in any case', () => {
    for (const [input] of CASES) expect(say(input)).not.toMatch(/\d/);
  });

  it('ignores unmarked aliases and settles a spelling by its share of uses', () => {
    const vocab = buildSpeechVocabulary([
      'dang ky tam tru', // an unmarked alias written for search: skipped
      'Đăng ký tạm trú', 'Đăng ký tạm trú', 'Đăng ký tạm trú',
      'Lệ phí', 'lệ phí', 'le phi nộp', // "le phi" once unmarked among marked uses: 2 of 3, not settled
    ]);
    expect(normalizeForSpeech('dang ky tam tru', { vocabulary: vocab })).toBe('đăng ký tạm trú');
    expect(normalizeForSpeech('le phi', { vocabulary: vocab })).toBe('le phi');
    expect(normalizeForSpeech('VNeID', { vocabulary: buildSpeechVocabulary(['tài khoản vneid của bạn']) })).toBe('vê en e ai đi');
  });

  it('restores nothing without a vocabulary', () => {
    expect(normalizeForSpeech('dang ky khai sinh')).toBe('dang ky khai sinh');
  });
  it('builds the same vocabulary in slices that yield to the event loop', async () => {
    const texts = Array.from({ length: 400 }, (_, i) => `Đăng ký khai sinh lần ${i}, cấp bản sao trích lục hộ tịch; ở đâu, bao nhiêu`);
    let yielded = 0;
    const counter = setInterval(() => yielded++, 0);
    const sliced = await buildSpeechVocabularyInSlices(texts, 0);
    clearInterval(counter);
    expect([...sliced.phrases]).toEqual([...buildSpeechVocabulary(texts).phrases]);
    expect(yielded).toBeGreaterThan(0);
  });
});
