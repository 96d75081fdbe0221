import { dateOrderRule } from '../rules.js';
import type { FieldOption, FormDefinition } from '../types.js';
import { addresseeField, declarationFields, requesterFields, section } from './common.js';

// Tờ khai đề nghị cấp bản sao trích lục hộ tịch: mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư
// 04/2024/TT-BTP (record 2.000635). The person named in the record may be long dead, hence the old CMND.
const PERSON_GROUP = { vi: 'Người được cấp bản sao trích lục', en: 'Person named in the record' };
const person = section('nguoi_duoc_cap', PERSON_GROUP);
const RECORD_GROUP = { vi: 'Giấy tờ hộ tịch đề nghị cấp bản sao', en: 'Record requested' };
const record = section('trich_luc', RECORD_GROUP);
const REQUEST_GROUP = { vi: 'Nội dung đề nghị', en: 'Request' };
const request = section('', REQUEST_GROUP);

const RECORD_KINDS: readonly FieldOption[] = [
  { value: 'khai-sinh', label: { vi: 'Khai sinh', en: 'Birth' }, aliases: ['giay khai sinh', 'birth'] },
  { value: 'ket-hon', label: { vi: 'Kết hôn', en: 'Marriage' }, aliases: ['giay chung nhan ket hon', 'marriage'] },
  { value: 'khai-tu', label: { vi: 'Khai tử', en: 'Death' }, aliases: ['trich luc khai tu', 'death'] },
  { value: 'nhan-cha-me-con', label: { vi: 'Nhận cha, mẹ, con', en: 'Recognition of parentage' } },
  { value: 'giam-ho', label: { vi: 'Giám hộ', en: 'Guardianship' } },
  {
    value: 'thay-doi-cai-chinh',
    label: { vi: 'Thay đổi, cải chính, bổ sung hộ tịch', en: 'Change or correction of civil status' },
  },
  { value: 'khac', label: { vi: 'Việc hộ tịch khác', en: 'Other' } },
];

export const toKhaiCapBanSaoTrichLuc: FormDefinition = {
  id: 'to-khai-cap-ban-sao-trich-luc',
  title: { vi: 'Tờ khai đề nghị cấp bản sao trích lục hộ tịch', en: 'Request for a copy of a civil-status extract' },
  procedureIds: ['cap-ban-sao-trich-luc-ho-tich'],
  legalBasis: 'Thông tư 04/2024/TT-BTP',
  fields: [
    addresseeField(),
    ...requesterFields({
      label: { vi: 'Quan hệ với người được cấp bản sao', en: 'Relationship to the person named' },
      ask: {
        vi: 'Anh/chị là gì của người có tên trong giấy (chính mình, con, cha, mẹ...)?',
        en: 'How are you related to the person named (yourself, child, parent...)?',
      },
    }),
    person('ho_ten', 'name', true, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: {
        vi: 'Họ, chữ đệm và tên của người có tên trong giấy tờ hộ tịch là gì?',
        en: 'What is the full name of the person named in the record?',
      },
    }),
    person('ngay_sinh', 'date', false, { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, {
      ask: { vi: 'Người đó sinh ngày nào?', en: 'What is that person’s date of birth?' },
    }),
    person('so_dinh_danh', 'id-number', false, { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, {
      allowOldCmnd: true,
      ask: {
        vi: 'Số định danh cá nhân (hoặc số CMND cũ) của người đó là gì, nếu biết?',
        en: 'What is that person’s personal ID number (or old ID card number), if known?',
      },
    }),
    record('loai', 'select', true, { vi: 'Loại giấy tờ hộ tịch', en: 'Kind of record' }, {
      options: RECORD_KINDS,
      ask: {
        vi: 'Anh/chị cần bản sao trích lục loại nào: khai sinh, kết hôn, khai tử hay loại khác?',
        en: 'Which record do you need a copy of: birth, marriage, death or another?',
      },
    }),
    record('noi_dang_ky', 'text', true, { vi: 'Nơi đã đăng ký', en: 'Registered at' }, {
      ask: {
        vi: 'Việc hộ tịch đó đã đăng ký ở đâu (Ủy ban nhân dân xã/phường nào)?',
        en: 'Where was it registered (which commune/ward People’s Committee)?',
      },
    }),
    record('ngay_dang_ky', 'date', false, { vi: 'Ngày đăng ký', en: 'Date of registration' }, {
      ask: { vi: 'Đăng ký ngày nào (nếu nhớ)?', en: 'On what date was it registered (if you remember)?' },
    }),
    record('so_dang_ky', 'text', false, { vi: 'Số đăng ký', en: 'Registration number' }, {
      ask: { vi: 'Số đăng ký trên giấy (nếu biết)?', en: 'What is the registration number on the paper (if known)?' },
    }),
    request('so_ban_sao', 'number', true, { vi: 'Số bản sao đề nghị cấp', en: 'Number of copies' }, {
      min: 1,
      max: 20,
      ask: { vi: 'Anh/chị cần mấy bản sao?', en: 'How many copies do you need?' },
    }),
    request('muc_dich', 'text', false, { vi: 'Mục đích sử dụng', en: 'Purpose' }, {
      ask: {
        vi: 'Anh/chị dùng bản sao vào việc gì (ví dụ: nhập học, làm hồ sơ)?',
        en: 'What do you need the copies for?',
      },
    }),
    ...declarationFields(),
  ],
  rules: [
    dateOrderRule({
      id: 'registered-after-birth',
      earlier: 'nguoi_duoc_cap.ngay_sinh',
      later: 'trich_luc.ngay_dang_ky',
      message: 'Ngày đăng ký không được trước ngày sinh của người có tên trong giấy.',
      description: { vi: 'Việc hộ tịch đăng ký sau ngày sinh.', en: 'The record is registered after the birth.' },
    }),
  ],
};
