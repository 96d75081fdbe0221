import { describe, expect, it } from 'vitest';
import { FORM_SCENARIOS, qr } from '../../../../bench/forms/scenarios.js';
import { play } from './play.js';

/**
 * The pre-filling dialogue, one utterance at a time: what a citizen says at a given point and what the form holds
 * afterwards. Grouped as the issue asks: several fields at once, corrections by person, skips, dates and names,
 * the ID card's QR code, English.
 */
const BIRTH = 'to-khai-khai-sinh';
const REQUESTER = 'Nguyễn Văn An, 001090012345, ông nội, ở 12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội';
const CHILD = 'bé tên Nguyễn Minh Khôi, nam, sinh 12/11/2026 ở BV Phụ sản Hà Nội, dân tộc Kinh, quốc tịch Việt Nam, quê Nam Định';
const AT_REQUESTER = ['đồng ý'];
const AT_CHILD = ['đồng ý', REQUESTER];
const AT_MOTHER = [...AT_CHILD, CHILD];
const AT_FATHER = [...AT_MOTHER, 'Lê Thị Hoa, 1992, Kinh, Việt Nam, cùng địa chỉ'];
const AT_REVIEW = FORM_SCENARIOS[0]!.messages.slice(0, -1);
const CARD = qr('001090012345', 'Nguyễn Văn An', '15031990', 'Nam', '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội');

interface Expectation {
  /** Field values after the utterance; `null` = must be empty. */
  values?: Record<string, string | null>;
  stage?: string;
  text?: RegExp;
  notText?: RegExp;
  skipped?: string[];
  language?: 'vi' | 'en';
}
type Row = [name: string, formId: string, before: readonly string[], say: string, expected: Expectation, language?: 'vi' | 'en'];

const rows: Row[] = [
  // Several fields in one message.
  ['requester in one line', BIRTH, AT_REQUESTER, REQUESTER, { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An', 'nguoi_yeu_cau.so_dinh_danh': '001090012345', 'nguoi_yeu_cau.quan_he': 'ông nội', 'nguoi_yeu_cau.noi_cu_tru': '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' } }],
  ['requester, one item a line', BIRTH, AT_REQUESTER, 'tôi tên là nguyễn văn an\nSố 5 phố Hàng Bài, Hà Nội\n001 090 012 345\nông nội', { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An', 'nguoi_yeu_cau.so_dinh_danh': '001090012345', 'nguoi_yeu_cau.noi_cu_tru': 'Số 5 phố Hàng Bài, Hà Nội' } }],
  ['requester with the optional ID details', BIRTH, AT_REQUESTER, `${REQUESTER.split(', ở')[0]}, cccd, cấp ngày 10/5/2021, ở 12 Lý Thường Kiệt`, { values: { 'nguoi_yeu_cau.loai_giay_to': 'can-cuoc-cong-dan', 'nguoi_yeu_cau.ngay_cap': '2021-05-10' } }],
  ['optional ID details left out are left for the counter', BIRTH, AT_REQUESTER, REQUESTER, { skipped: ['nguoi_yeu_cau.loai_giay_to', 'nguoi_yeu_cau.ngay_cap', 'nguoi_yeu_cau.noi_cap'] }],
  ['the issue’s example sentence', BIRTH, AT_CHILD, 'bé tên Trần Minh Khôi, nam, sinh 12/11/2026 ở BV Phụ sản Hà Nội', { values: { 'tre.ho_ten': 'Trần Minh Khôi', 'tre.gioi_tinh': 'nam', 'tre.ngay_sinh': '2026-11-12', 'tre.noi_sinh': 'BV Phụ sản Hà Nội' } }],
  ['child, seven fields', BIRTH, AT_CHILD, CHILD, { values: { 'tre.dan_toc': 'Kinh', 'tre.quoc_tich': 'Việt Nam', 'tre.que_quan': 'Nam Định' } }],
  ['child without commas', BIRTH, AT_CHILD, 'bé tên Nguyễn Minh Khôi sinh 12/11/2026 tại Bệnh viện Bạch Mai', { values: { 'tre.ho_ten': 'Nguyễn Minh Khôi', 'tre.ngay_sinh': '2026-11-12', 'tre.noi_sinh': 'Bệnh viện Bạch Mai' } }],
  ['"bé gái" is a sex', BIRTH, AT_CHILD, 'Nguyễn Minh Anh, bé gái, 12/11/2026', { values: { 'tre.gioi_tinh': 'nu', 'tre.ho_ten': 'Nguyễn Minh Anh' } }],
  ['"năm" is never the sex "nam"', BIRTH, AT_MOTHER, 'mẹ là Lê Thị Hoa, năm sinh 1992', { values: { 'me.ho_ten': 'Lê Thị Hoa', 'me.nam_sinh': '1992' } }],
  ['mother in one line, same address', BIRTH, AT_MOTHER, 'Lê Thị Hoa, 1992, Kinh, Việt Nam, cùng địa chỉ', { values: { 'me.nam_sinh': '1992', 'me.noi_cu_tru': '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' } }],
  ['mother with cues in any order', BIRTH, AT_MOTHER, 'quốc tịch Việt Nam, dân tộc Tày, sinh năm 1994, tên Hoàng Thị Mai, ở 3 Đội Cấn, Hà Nội', { values: { 'me.ho_ten': 'Hoàng Thị Mai', 'me.dan_toc': 'Tày', 'me.nam_sinh': '1994', 'me.noi_cu_tru': '3 Đội Cấn, Hà Nội' } }],
  ['the father volunteered while the mother is asked', BIRTH, AT_MOTHER, 'mẹ là Lê Thị Hoa, sinh năm 1992; bố là Nguyễn Văn Nam, sinh năm 1990', { values: { 'me.ho_ten': 'Lê Thị Hoa', 'cha.ho_ten': 'Nguyễn Văn Nam', 'cha.nam_sinh': '1990' } }],
  ['a parent too young is refused when asked', BIRTH, AT_MOTHER, 'Lê Thị Hoa, 2020, Kinh, Việt Nam, cùng địa chỉ', { values: { 'me.nam_sinh': null, 'me.ho_ten': 'Lê Thị Hoa' }, text: /ít nhất 10 tuổi/ }],
  ['a parent’s rule is explained with the question', BIRTH, AT_CHILD, CHILD, { text: /Lưu ý: Đã ghi tên mẹ thì ghi đủ thông tin của mẹ/ }],
  ['"đúng" is never an ethnicity', BIRTH, AT_FATHER, 'đúng', { values: { 'cha.dan_toc': null } }],

  // The requester reused for a parent, for a yes.
  ['"bố" offers the requester as the father', BIRTH, AT_REQUESTER, REQUESTER.replace('ông nội', 'bố'), { stage: 'confirm', text: /Cha.*\n- Họ, chữ đệm, tên: Nguyễn Văn An/s }],
  ['"tôi là mẹ của bé" offers the mother', BIRTH, AT_REQUESTER, 'Lê Thị Hoa, 001195012345, tôi là mẹ của bé, ở 8 Hàng Trống, Hà Nội', { stage: 'confirm', text: /“Mẹ”/ }],
  ['yes fills the father', BIRTH, [...AT_REQUESTER, REQUESTER.replace('ông nội', 'bố')], 'đúng', { values: { 'cha.ho_ten': 'Nguyễn Văn An', 'cha.noi_cu_tru': '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' } }],
  ['yes with the father’s other details', BIRTH, [...AT_REQUESTER, REQUESTER.replace('ông nội', 'bố')], 'đúng, sinh năm 1990, Kinh, Việt Nam', { values: { 'cha.nam_sinh': '1990', 'cha.dan_toc': 'Kinh', 'cha.quoc_tich': 'Việt Nam' } }],
  ['no leaves the father empty', BIRTH, [...AT_REQUESTER, REQUESTER.replace('ông nội', 'bố')], 'không', { values: { 'cha.ho_ten': null }, stage: 'collect' }],
  ['"bà" (grandmother) is not "ba" (father)', BIRTH, AT_REQUESTER, REQUESTER.replace('ông nội', 'bà'), { values: { 'cha.ho_ten': null }, stage: 'collect' }],
  ['"chính tôi" on a copy request reuses the requester', 'to-khai-cap-ban-sao-trich-luc', AT_REQUESTER, 'Nguyễn Văn An, 001090012345, chính tôi, ở 12 Lý Thường Kiệt, Hà Nội', { stage: 'confirm', text: /Người được cấp bản sao trích lục/ }],
  ['"chủ hộ" on the CT01 reuses the declarant', 'ct01-thay-doi-cu-tru', AT_REQUESTER, 'Phạm Văn Đức, sinh 2/9/1985, nam, 001085034567, chủ hộ', { stage: 'confirm', text: /Chủ hộ/ }],

  // Corrections that reach the person they name.
  ['"sửa họ tên của bé" changes the child, not the requester', BIRTH, AT_REVIEW, 'sửa họ tên của bé thành Nguyễn Minh Khoa', { values: { 'tre.ho_ten': 'Nguyễn Minh Khoa', 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An' }, stage: 'review' }],
  ['"đổi tên con"', BIRTH, AT_REVIEW, 'đổi tên con thành Nguyễn Minh Khoa', { values: { 'tre.ho_ten': 'Nguyễn Minh Khoa' } }],
  ['"sửa tên cháu"', BIRTH, AT_REVIEW, 'sửa tên cháu thành Nguyễn Minh Khoa', { values: { 'tre.ho_ten': 'Nguyễn Minh Khoa' } }],
  ['"tên mẹ là …"', BIRTH, AT_REVIEW, 'tên mẹ là Lê Thị Lan', { values: { 'me.ho_ten': 'Lê Thị Lan', 'tre.ho_ten': 'Nguyễn Minh Khôi' } }],
  ['"năm sinh của bố là 1990"', BIRTH, AT_REVIEW, 'năm sinh của bố là 1989', { values: { 'cha.nam_sinh': '1989' } }],
  ['"năm sinh của cha"', BIRTH, AT_REVIEW, 'sửa năm sinh của cha thành 1988', { values: { 'cha.nam_sinh': '1988' } }],
  ['"ba" is the father too', BIRTH, AT_REVIEW, 'sửa dân tộc của ba thành Tày', { values: { 'cha.dan_toc': 'Tày', 'me.dan_toc': 'Kinh' } }],
  ['"của tôi" is the requester', BIRTH, AT_REVIEW, 'sửa nơi cư trú của tôi thành 5 Hàng Bông, Hà Nội', { values: { 'nguoi_yeu_cau.noi_cu_tru': '5 Hàng Bông, Hà Nội', 'cha.noi_cu_tru': '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' } }],
  ['"người đi khai"', BIRTH, AT_REVIEW, 'đổi họ tên người đi khai thành Nguyễn Văn Ân', { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn Ân', 'cha.ho_ten': 'Nguyễn Văn An' } }],
  ['the child’s date of birth', BIRTH, AT_REVIEW, 'sửa ngày sinh của bé thành 13/11/2026', { values: { 'tre.ngay_sinh': '2026-11-13' } }],
  ['the child’s sex', BIRTH, AT_REVIEW, 'sửa giới tính của bé thành nữ', { values: { 'tre.gioi_tinh': 'nu' } }],
  ['the child’s home town', BIRTH, AT_REVIEW, 'sửa quê quán của bé thành Thái Bình', { values: { 'tre.que_quan': 'Thái Bình' } }],
  ['a name with no person is ambiguous: ask which', BIRTH, AT_REVIEW, 'sửa họ tên thành Nguyễn Văn Bình', { stage: 'which', text: /của ai: Người yêu cầu, Người được khai sinh, Mẹ, Cha/ }],
  ['the answer to "which" applies it', BIRTH, [...AT_REVIEW, 'sửa họ tên thành Nguyễn Thị Bình'], 'mẹ', { values: { 'me.ho_ten': 'Nguyễn Thị Bình', 'tre.ho_ten': 'Nguyễn Minh Khôi' } }],
  ['"which" answered by its label', BIRTH, [...AT_REVIEW, 'sửa họ tên thành Nguyễn Minh Khoa'], 'Người được khai sinh', { values: { 'tre.ho_ten': 'Nguyễn Minh Khoa' } }],
  ['an unknown item is said so', BIRTH, AT_REVIEW, 'sửa màu tóc thành đen', { text: /chưa rõ bạn muốn sửa mục nào/ }],
  ['a correction mid-way, before the summary', BIRTH, AT_MOTHER, 'sửa tên bé thành Nguyễn Minh Khoa', { values: { 'tre.ho_ten': 'Nguyễn Minh Khoa' }, stage: 'collect' }],
  ['a correction on a form with one such field needs no person', 'ct01-thay-doi-cu-tru', [...AT_REQUESTER, qr('001090012345', 'Lê Thị Mai', '15081990', 'Nữ', 'Số 1 Tràng Tiền, Hà Nội')], 'sửa ngày sinh thành 16/8/1990', { values: { 'nguoi_yeu_cau.ngay_sinh': '1990-08-16' } }],
  ['plain words at the summary change nothing', BIRTH, AT_REVIEW, 'cảm ơn nhé', { values: { kinh_gui: 'Ủy ban nhân dân phường Cửa Nam' }, stage: 'review', text: /chưa hiểu/ }],
  ['a question back is never a value', BIRTH, AT_REQUESTER, 'lệ phí bao nhiêu?', { values: { 'nguoi_yeu_cau.ho_ten': null }, text: /chưa hiểu/ }],
  ['"yes" at the summary submits', BIRTH, AT_REVIEW, 'đúng', { stage: 'review' }],

  // Skip is never a value, and never offered where a rule needs the field.
  ['"bỏ qua" skips a parent who is not established', BIRTH, AT_MOTHER, 'bỏ qua', { values: { 'me.ho_ten': null }, skipped: ['me.ho_ten', 'me.nam_sinh', 'me.dan_toc', 'me.quoc_tich', 'me.noi_cu_tru'] }],
  ['"không có" too', BIRTH, AT_MOTHER, 'không có', { values: { 'me.ho_ten': null }, skipped: ['me.ho_ten'] }],
  ['skip in a paired answer is not a value', BIRTH, AT_MOTHER, 'Lê Thị Hoa, bỏ qua', { values: { 'me.ho_ten': 'Lê Thị Hoa', 'me.nam_sinh': null }, stage: 'collect' }],
  ['skip first in a paired answer', BIRTH, AT_MOTHER, 'bỏ qua, 1992', { values: { 'me.ho_ten': null, 'me.nam_sinh': '1992' } }],
  ['"bỏ qua, bỏ qua" stores nothing', BIRTH, AT_MOTHER, 'bỏ qua, bỏ qua', { values: { 'me.ho_ten': null, 'me.nam_sinh': null } }],
  ['once a name is given the rest cannot be skipped', BIRTH, [...AT_MOTHER, 'Lê Thị Hoa'], 'bỏ qua', { text: /Không bỏ qua được/, values: { 'me.nam_sinh': null } }],
  ['no skip offered for a parent’s address once the name is in', BIRTH, [...AT_MOTHER], 'Lê Thị Hoa', { notText: /nói “bỏ qua”/ }],
  ['required fields cannot be skipped', BIRTH, AT_CHILD, 'bỏ qua', { text: /Không bỏ qua được/, values: { 'tre.ho_ten': null } }],
  ['an optional single field says how to skip', 'to-khai-khai-tu', ['đồng ý', 'Trần Thị Bích, 001185023456, con, ở 5 Hàng Bông, Hà Nội', 'Trần Văn Bình, nam, sinh 3/4/1940, Kinh, Việt Nam, cư trú cuối cùng ở 5 Hàng Bông, Hà Nội', 'mất ngày 1/12/2026, mất tại nhà, nguyên nhân tuổi cao'], 'bỏ qua', { stage: 'review' }],
  ['"bỏ qua" is never stored as a name', BIRTH, AT_REQUESTER, 'bỏ qua', { values: { 'nguoi_yeu_cau.ho_ten': null } }],
  ['"tôi không nhớ …" in a sentence is a skip, not a name', BIRTH, AT_REQUESTER, 'Nguyễn Văn An, tôi không nhớ số định danh', { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An', 'nguoi_yeu_cau.so_dinh_danh': null } }],

  // Dates and names.
  ['a two-digit year is asked back', BIRTH, AT_CHILD, 'bé tên Nguyễn Minh Khôi, nam, sinh 12/3/24', { stage: 'confirm', text: /“12\/3\/24” là ngày 12\/03\/2024 phải không\?/, values: { 'tre.ngay_sinh': null } }],
  ['yes keeps the proposed year', BIRTH, [...AT_CHILD, 'bé tên Nguyễn Minh Khôi, nam, sinh 12/3/24'], 'đúng', { values: { 'tre.ngay_sinh': '2024-03-12' } }],
  ['a new date replaces it', BIRTH, [...AT_CHILD, 'bé tên Nguyễn Minh Khôi, nam, sinh 12/3/24'], '12/3/2025', { values: { 'tre.ngay_sinh': '2025-03-12' } }],
  ['a year in the future is the last century', BIRTH, AT_MOTHER, 'mẹ là Lê Thị Hoa, sinh năm 1992', { values: { 'me.nam_sinh': '1992' } }],
  ['"ngày 12 tháng 11 năm 2026"', BIRTH, AT_CHILD, 'bé tên Nguyễn Minh Khôi, sinh ngày 12 tháng 11 năm 2026', { values: { 'tre.ngay_sinh': '2026-11-12' } }],
  ['a name without marks is asked once', BIRTH, AT_CHILD, 'be ten Tran Minh Khoi, nam, sinh 12/11/2026', { stage: 'confirm', text: /Viết có dấu là “Trần Minh Khôi” phải không\?/ }],
  ['yes takes the marks', BIRTH, [...AT_CHILD, 'be ten Tran Minh Khoi, nam, sinh 12/11/2026'], 'đúng', { values: { 'tre.ho_ten': 'Trần Minh Khôi' } }],
  ['"giữ nguyên" keeps it as written', BIRTH, [...AT_CHILD, 'be ten Tran Minh Khoi, nam, sinh 12/11/2026'], 'giữ nguyên', { values: { 'tre.ho_ten': 'Tran Minh Khoi' } }],
  ['a retyped name is taken as written', BIRTH, [...AT_CHILD, 'be ten Tran Minh Khoi, nam, sinh 12/11/2026'], 'Trần Minh Khởi', { values: { 'tre.ho_ten': 'Trần Minh Khởi' } }],
  ['a foreign name is not asked about', 'to-khai-ket-hon', AT_REQUESTER, 'John Smith, sinh 5/6/1990, quốc tịch Hoa Kỳ, hộ chiếu, ở 1 Tràng Tiền, Hà Nội', { notText: /Viết có dấu/ }],

  // The ID card's QR code.
  ['the card fills the requester in one step', BIRTH, AT_REQUESTER, CARD, { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An', 'nguoi_yeu_cau.so_dinh_danh': '001090012345', 'nguoi_yeu_cau.loai_giay_to': 'can-cuoc-cong-dan', 'nguoi_yeu_cau.ngay_cap': '2021-05-10', 'nguoi_yeu_cau.noi_cu_tru': '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' }, stage: 'collect' }],
  ['then the relation offers the father with the card’s year', BIRTH, [...AT_REQUESTER, CARD], 'bố', { stage: 'confirm', text: /Năm sinh: 1990/ }],
  ['the card of the party being asked, on a marriage form', 'to-khai-ket-hon', AT_REQUESTER, qr('001195012345', 'Lê Thị Hoa', '05061995', 'Nữ', '8 Hàng Trống, Hà Nội'), { values: { 'ben_nu.ho_ten': 'Lê Thị Hoa', 'ben_nu.ngay_sinh': '1995-06-05', 'ben_nu.ho_ten_nam': null } }],
  ['a broken code is said so', BIRTH, AT_REQUESTER, '00109001|abc|Lê Thị Mai|99999999|Nữ', { text: /chưa đọc được mã QR/, values: { 'nguoi_yeu_cau.ho_ten': null } }],
  ['the card after a wrong answer still lands on the requester', BIRTH, [...AT_REQUESTER, 'không biết'], CARD, { values: { 'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An' } }],

  // English: one language per form.
  ['an English form asks in English', BIRTH, [], 'yes', { text: /^Thank you\. Requester:\n1\. What is your full name\?/, language: 'en' }, 'en'],
  ['an address in English does not change the language', BIRTH, ['yes'], 'Nguyen Van An, 001090012345, grandfather, Block A, Sunrise City, District 7', { language: 'en', notText: /[Bb]ạn/ }, 'en'],
  ['English grammar for the requester', BIRTH, [], 'yes', { notText: /does you|you’s/ }, 'en'],
  ['"tiếng Việt" switches explicitly', BIRTH, ['yes'], 'tiếng Việt', { language: 'vi', text: /Người yêu cầu/ }, 'en'],
  ['"English" switches explicitly', BIRTH, AT_REQUESTER, 'English', { language: 'en', text: /What is your full name/ }],
  ['a Vietnamese sentence does not switch an English form', BIRTH, ['yes'], 'tôi tên là Nguyễn Văn An', { language: 'en', text: /What is your personal ID number/ }, 'en'],
  ['English relation words reuse the father', BIRTH, ['yes'], 'Nguyễn Văn An, 001090012345, father, 12 Ly Thuong Kiet, Hanoi', { stage: 'confirm', text: /Is that right\?/ }, 'en'],
  ['English skip', BIRTH, ['yes', 'Nguyễn Văn An, 001090012345, grandfather, 12 Ly Thuong Kiet, Hanoi', 'the child’s name is Nguyễn Minh Khôi, male, born on 12/11/2026, born in Bach Mai Hospital, ethnicity Kinh, nationality Vietnamese, home town Nam Dinh'], 'skip', { skipped: ['me.ho_ten'], language: 'en' }, 'en'],
  ['English two-digit year', BIRTH, ['yes', 'Nguyễn Văn An, 001090012345, grandfather, 12 Ly Thuong Kiet, Hanoi'], 'Nguyễn Minh Khôi, male, 12/3/24', { text: /is “12\/3\/24” the date 12\/03\/2024\?/ }, 'en'],
];

describe('the pre-filling dialogue, utterance by utterance', () => {
  it('has at least 60 utterances', () => expect(rows.length).toBeGreaterThanOrEqual(60));

  it.each(rows)('%s', (_name, formId, before, say, expected, language = 'vi') => {
    const turn = play(formId, [...before, say], language);
    const state = turn.state;
    expect(state, turn.text).toBeDefined();
    for (const [field, value] of Object.entries(expected.values ?? {})) {
      if (value === null) expect(state!.values[field], `${field}\n${turn.text}`).toBeUndefined();
      else expect(state!.values[field], `${field}\n${turn.text}`).toBe(value);
    }
    if (expected.stage) expect(state!.stage, turn.text).toBe(expected.stage);
    if (expected.text) expect(turn.text).toMatch(expected.text);
    if (expected.notText) expect(turn.text).not.toMatch(expected.notText);
    for (const field of expected.skipped ?? []) expect(state!.skipped, turn.text).toContain(field);
    if (expected.language) expect(turn.language).toBe(expected.language);
    // Whatever was said, no value is ever a skip, yes or no word.
    for (const value of Object.values(state!.values)) expect(value).not.toMatch(/^(bỏ qua|skip|đúng|không|giữ nguyên)$/i);
  });

  it('ends the typed birth registration with a summary that submits', () => {
    const turn = play(BIRTH, FORM_SCENARIOS[0]!.messages);
    expect(turn.submit?.['tre.ho_ten']).toBe('Nguyễn Minh Khôi');
  });
});
