import { distinctValuesRule, requiredWithRule } from '../rules.js';
import type { CrossFieldRule, FieldDef, FormDefinition } from '../types.js';
import { GENDER_OPTIONS, addresseeField, capitalise, section } from './common.js';

// Tờ khai thay đổi thông tin cư trú, mẫu CT01 ban hành kèm Thông tư 53/2025/TT-BCA (earlier Thông tư 66/2023/TT-BCA);
// cited by records 1.004222 (thường trú), 1.004194 (tạm trú), 1.003197 (xóa thường trú) and by the curated entry for
// xác nhận thông tin cư trú. Khai báo tạm vắng is not listed: its record asks for a declaration, not the CT01.
// Items 1–10 as on the paper, then the household members concerned by the change.
export const CT01_MAX_MEMBERS = 5;

const DECLARANT_GROUP = { vi: 'Người kê khai', en: 'Declarant' };
const declarant = section('nguoi_yeu_cau', DECLARANT_GROUP);
const HEAD_GROUP = { vi: 'Chủ hộ', en: 'Head of household' };
const head = section('chu_ho', HEAD_GROUP);
const REQUEST_GROUP = { vi: 'Nội dung đề nghị', en: 'Request' };

const HEAD_ID_LABEL = { vi: 'Số định danh cá nhân của chủ hộ', en: 'Head of household’s ID number' };
const RELATION_LABEL = { vi: 'Quan hệ với chủ hộ', en: 'Relationship to the head of household' };

function memberFields(index: number): FieldDef[] {
  const ordinal = index + 1;
  const field = section(`thanh_vien.${index}`, { vi: `Thành viên ${ordinal}`, en: `Member ${ordinal}` });
  const who = { vi: `thành viên thứ ${ordinal}`, en: `member ${ordinal}` };
  return [
    field('ho_ten', 'name', false, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: { vi: `Họ, chữ đệm và tên của ${who.vi} là gì?`, en: `What is ${who.en}’s full name?` },
    }),
    field('ngay_sinh', 'date', false, { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, {
      ask: { vi: `Ngày sinh của ${who.vi}?`, en: `What is ${who.en}’s date of birth?` },
    }),
    field('gioi_tinh', 'select', false, { vi: 'Giới tính', en: 'Sex' }, {
      options: GENDER_OPTIONS,
      ask: { vi: `Giới tính của ${who.vi}: nam hay nữ?`, en: `Is ${who.en} male or female?` },
    }),
    field('so_dinh_danh', 'id-number', false, { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, {
      ask: {
        vi: `Số định danh cá nhân của ${who.vi} (nếu có)?`,
        en: `What is ${who.en}’s personal ID number (if any)?`,
      },
    }),
    field('quan_he_chu_ho', 'text', false, RELATION_LABEL, {
      ask: { vi: `${capitalise(who.vi)} là gì của chủ hộ?`, en: `How is ${who.en} related to the head of household?` },
    }),
  ];
}

function memberRules(index: number): CrossFieldRule[] {
  const prefix = `thanh_vien.${index}`;
  const details = ['ngay_sinh', 'gioi_tinh', 'so_dinh_danh', 'quan_he_chu_ho'].map((key) => `${prefix}.${key}`);
  return [
    requiredWithRule({
      id: `member-${index + 1}-name`,
      ifAny: details,
      then: [`${prefix}.ho_ten`],
      description: { vi: `Thành viên ${index + 1} cần có họ tên.`, en: `Member ${index + 1} needs a name.` },
    }),
    requiredWithRule({
      id: `member-${index + 1}-relation`,
      ifAny: [`${prefix}.ho_ten`],
      then: [`${prefix}.quan_he_chu_ho`],
      description: {
        vi: `Thành viên ${index + 1} cần ghi quan hệ với chủ hộ.`,
        en: `Member ${index + 1} needs their relationship to the head of household.`,
      },
    }),
  ];
}

const memberIndexes = Array.from({ length: CT01_MAX_MEMBERS }, (_, index) => index);

export const ct01ThayDoiCuTru: FormDefinition = {
  id: 'ct01-thay-doi-cu-tru',
  title: { vi: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', en: 'Residence information change form (CT01)' },
  procedureIds: ['dang-ky-thuong-tru', 'dang-ky-tam-tru', 'xoa-dang-ky-thuong-tru', 'xac-nhan-thong-tin-cu-tru'],
  legalBasis: 'Thông tư 53/2025/TT-BCA',
  fields: [
    addresseeField(),
    declarant('ho_ten', 'name', true, { vi: 'Họ, chữ đệm và tên', en: 'Full name' }, {
      ask: { vi: 'Họ, chữ đệm và tên của anh/chị là gì?', en: 'What is your full name?' },
    }),
    declarant('ngay_sinh', 'date', true, { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, {
      ask: { vi: 'Anh/chị sinh ngày nào (ngày/tháng/năm)?', en: 'What is your date of birth (day/month/year)?' },
    }),
    declarant('gioi_tinh', 'select', true, { vi: 'Giới tính', en: 'Sex' }, {
      options: GENDER_OPTIONS,
      ask: { vi: 'Giới tính của anh/chị: nam hay nữ?', en: 'Are you male or female?' },
    }),
    declarant('so_dinh_danh', 'id-number', true, { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, {
      ask: {
        vi: 'Số định danh cá nhân (12 số trên thẻ căn cước) của anh/chị là gì?',
        en: 'What is your personal ID number (12 digits)?',
      },
    }),
    declarant('dien_thoai', 'phone', false, { vi: 'Số điện thoại liên hệ', en: 'Phone number' }, {
      ask: { vi: 'Số điện thoại liên hệ của anh/chị (nếu muốn ghi)?', en: 'What is your phone number (optional)?' },
    }),
    declarant('email', 'email', false, { vi: 'Email', en: 'E-mail' }, {
      ask: { vi: 'Địa chỉ email của anh/chị (nếu có)?', en: 'What is your e-mail address (if any)?' },
    }),
    head('ho_ten', 'name', true, { vi: 'Họ, chữ đệm và tên chủ hộ', en: 'Head of household’s full name' }, {
      ask: {
        vi: 'Chủ hộ tên là gì (nếu anh/chị là chủ hộ thì ghi tên mình)?',
        en: 'What is the head of household’s name (yours if you are the head)?',
      },
    }),
    declarant('quan_he_chu_ho', 'text', true, RELATION_LABEL, {
      ask: {
        vi: 'Anh/chị là gì của chủ hộ (chủ hộ, vợ, con...)?',
        en: 'How are you related to the head of household (self, spouse, child...)?',
      },
    }),
    head('so_dinh_danh', 'id-number', false, HEAD_ID_LABEL, {
      ask: {
        vi: 'Số định danh cá nhân của chủ hộ (nếu biết)?',
        en: 'What is the head of household’s personal ID number (if known)?',
      },
    }),
    section('', REQUEST_GROUP)('noi_dung_de_nghi', 'text', true, { vi: 'Nội dung đề nghị', en: 'Request' }, {
      ask: {
        vi: 'Anh/chị đề nghị việc gì (ví dụ: đăng ký thường trú vào hộ ông/bà ... tại địa chỉ ...)?',
        en: 'What do you request (e.g. permanent registration into the household of ... at ...)?',
      },
    }),
    ...memberIndexes.flatMap(memberFields),
  ],
  rules: [
    ...memberIndexes.flatMap(memberRules),
    distinctValuesRule({
      id: 'distinct-people',
      fields: ['nguoi_yeu_cau.so_dinh_danh', ...memberIndexes.map((index) => `thanh_vien.${index}.so_dinh_danh`)],
      description: { vi: 'Mỗi người một số định danh.', en: 'Each person has their own ID number.' },
    }),
  ],
};
