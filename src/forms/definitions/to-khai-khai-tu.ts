import { dateOrderRule, distinctValuesRule, patternRule } from '../rules.js';
import type { FormDefinition } from '../types.js';
import { addresseeField, declarationFields, personFields, requesterFields, section, type Who } from './common.js';

// Tờ khai đăng ký khai tử: mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (record
// 1.000656). The deceased may be an elder who never had a 12-digit card, so a 9-digit CMND is accepted for them.
const DECEASED_GROUP = { vi: 'Người đã chết', en: 'The deceased' };
const DECEASED: Who = { vi: 'người mất', en: 'the deceased' };
const deceased = section('nguoi_chet', DECEASED_GROUP);
const NOTICE_GROUP = { vi: 'Giấy báo tử', en: 'Death notice' };
const notice = section('giay_bao_tu', NOTICE_GROUP);

export const toKhaiKhaiTu: FormDefinition = {
  id: 'to-khai-khai-tu',
  title: { vi: 'Tờ khai đăng ký khai tử', en: 'Death registration form' },
  procedureIds: ['dang-ky-khai-tu'],
  legalBasis: 'Thông tư 04/2024/TT-BTP',
  fields: [
    addresseeField(),
    ...requesterFields({
      label: { vi: 'Quan hệ với người đã chết', en: 'Relationship to the deceased' },
      ask: {
        vi: 'Anh/chị là gì của người mất (con, vợ, chồng...)?',
        en: 'How are you related to the deceased (child, spouse...)?',
      },
    }),
    ...personFields('nguoi_chet', DECEASED_GROUP, DECEASED),
    deceased('noi_cu_tru_cuoi_cung', 'address', true, { vi: 'Nơi cư trú cuối cùng', en: 'Last place of residence' }, {
      ask: { vi: 'Nơi cư trú cuối cùng của người mất ở đâu?', en: 'Where did the deceased last reside?' },
    }),
    deceased('so_dinh_danh', 'id-number', false, { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, {
      allowOldCmnd: true,
      ask: {
        vi: 'Số định danh cá nhân của người mất là gì (12 số; nếu chỉ có CMND cũ 9 số thì ghi số đó)?',
        en: 'What was the deceased’s personal ID number (12 digits; or the old 9-digit ID card number)?',
      },
    }),
    deceased('gio_chet', 'text', false, { vi: 'Giờ chết', en: 'Time of death' }, {
      ask: {
        vi: 'Người mất mất lúc mấy giờ (ví dụ 14:30)? Không rõ thì bỏ qua.',
        en: 'At what time did the person die (e.g. 14:30)? Skip if unknown.',
      },
    }),
    deceased('ngay_chet', 'date', true, { vi: 'Ngày chết', en: 'Date of death' }, {
      ask: { vi: 'Người mất mất ngày nào (ngày/tháng/năm)?', en: 'On what date did the person die (day/month/year)?' },
    }),
    deceased('noi_chet', 'address', true, { vi: 'Nơi chết', en: 'Place of death' }, {
      ask: {
        vi: 'Người mất mất ở đâu (tại nhà, bệnh viện...; ghi rõ địa chỉ)?',
        en: 'Where did the person die (home, hospital...; the address)?',
      },
    }),
    deceased('nguyen_nhan_chet', 'text', true, { vi: 'Nguyên nhân chết', en: 'Cause of death' }, {
      ask: {
        vi: 'Nguyên nhân mất là gì (ghi theo giấy báo tử nếu có)?',
        en: 'What was the cause of death (as on the death notice, if any)?',
      },
    }),
    notice('so', 'text', false, { vi: 'Số giấy báo tử', en: 'Death notice number' }, {
      ask: { vi: 'Giấy báo tử số mấy (nếu có)?', en: 'What is the death notice number (if any)?' },
    }),
    notice('co_quan_cap', 'text', false, { vi: 'Cơ quan cấp giấy báo tử', en: 'Issued by' }, {
      ask: {
        vi: 'Cơ quan nào cấp giấy báo tử (bệnh viện, công an...)?',
        en: 'Who issued the death notice (hospital, police...)?',
      },
    }),
    notice('ngay_cap', 'date', false, { vi: 'Ngày cấp giấy báo tử', en: 'Date of the death notice' }, {
      ask: { vi: 'Giấy báo tử cấp ngày nào?', en: 'When was the death notice issued?' },
    }),
    ...declarationFields(),
  ],
  rules: [
    dateOrderRule({
      id: 'death-after-birth',
      earlier: 'nguoi_chet.ngay_sinh',
      later: 'nguoi_chet.ngay_chet',
      message: 'Ngày chết không được trước ngày sinh.',
      description: { vi: 'Ngày chết không trước ngày sinh.', en: 'The date of death is not before the date of birth.' },
    }),
    dateOrderRule({
      id: 'notice-after-death',
      earlier: 'nguoi_chet.ngay_chet',
      later: 'giay_bao_tu.ngay_cap',
      message: 'Ngày cấp giấy báo tử không được trước ngày chết.',
      description: { vi: 'Giấy báo tử cấp sau ngày chết.', en: 'The death notice is issued after the death.' },
    }),
    dateOrderRule({
      id: 'declared-after-death',
      earlier: 'nguoi_chet.ngay_chet',
      later: 'ngay_khai',
      message: 'Ngày làm tờ khai không được trước ngày chết.',
      description: { vi: 'Tờ khai làm sau ngày chết.', en: 'The form is made after the death.' },
    }),
    distinctValuesRule({
      id: 'requester-is-not-deceased',
      fields: ['nguoi_chet.so_dinh_danh', 'nguoi_yeu_cau.so_dinh_danh'],
      description: { vi: 'Người yêu cầu không phải người đã chết.', en: 'The requester is not the deceased.' },
    }),
    patternRule({
      id: 'time-of-death',
      field: 'nguoi_chet.gio_chet',
      pattern: /^(?:[01]?\d|2[0-3])\s*(?:[:hg]|giờ)\s*(?:[0-5]\d)?\s*(?:phút|p)?$/iu,
      message: 'Giờ chết phải ghi dạng giờ:phút, ví dụ 14:30.',
      description: { vi: 'Giờ chết ghi dạng giờ:phút.', en: 'The time of death is written as hours:minutes.' },
    }),
  ],
};
