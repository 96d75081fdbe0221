import { dateOrderRule, parentAgeGapRule, requiredWithRule } from '../rules.js';
import type { FieldDef, FormDefinition, LocalizedText } from '../types.js';
import {
  addresseeField,
  capitalise,
  declarationFields,
  personFields,
  pickFields,
  requesterFields,
  section,
  type Who,
} from './common.js';

// Tờ khai đăng ký khai sinh: mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP
// (catalogue record 1.001193 cites both). The same paper form serves re-registration and the birth–residence–
// health-insurance bundle at the kiosk.
const CHILD_GROUP = { vi: 'Người được khai sinh', en: 'The child' };
const CHILD: Who = { vi: 'bé', en: 'the child' };
const child = section('tre', CHILD_GROUP);
const BIRTH_DATE_IN_WORDS = { vi: 'Ngày, tháng, năm sinh (bằng chữ)', en: 'Date of birth (in words)' };
// Paper order: name, date of birth (in digits and in words), place of birth, sex, ethnicity, nationality, home town.
const childBasics = personFields('tre', CHILD_GROUP, CHILD);

function parentFields(prefix: 'me' | 'cha', group: LocalizedText, who: Who): FieldDef[] {
  const field = section(prefix, group);
  return [
    field('ho_ten', 'name', false, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: { vi: `Họ, chữ đệm và tên của ${who.vi} bé là gì?`, en: `What is the ${who.en}’s full name?` },
    }),
    field('nam_sinh', 'year', false, { vi: 'Năm sinh', en: 'Year of birth' }, {
      ask: { vi: `${capitalise(who.vi)} bé sinh năm nào?`, en: `In what year was the ${who.en} born?` },
    }),
    field('dan_toc', 'text', false, { vi: 'Dân tộc', en: 'Ethnicity' }, {
      ask: { vi: `${capitalise(who.vi)} bé là người dân tộc gì?`, en: `What is the ${who.en}’s ethnicity?` },
    }),
    field('quoc_tich', 'text', false, { vi: 'Quốc tịch', en: 'Nationality' }, {
      ask: { vi: `Quốc tịch của ${who.vi} bé là gì?`, en: `What is the ${who.en}’s nationality?` },
    }),
    field('noi_cu_tru', 'address', false, { vi: 'Nơi cư trú', en: 'Place of residence' }, {
      ask: { vi: `Nơi cư trú của ${who.vi} bé ở đâu?`, en: `Where does the ${who.en} reside?` },
    }),
  ];
}

const PARENT_DETAILS = ['nam_sinh', 'dan_toc', 'quoc_tich', 'noi_cu_tru'] as const;

function parentRules(prefix: 'me' | 'cha', who: LocalizedText) {
  const details = PARENT_DETAILS.map((key) => `${prefix}.${key}`);
  return [
    // Either parent may be left blank (a child whose father or mother is not established), but not half-filled.
    requiredWithRule({
      id: `${prefix}-details-with-name`,
      ifAny: [`${prefix}.ho_ten`],
      then: details,
      description: {
        vi: `Đã ghi tên ${who.vi} thì ghi đủ thông tin của ${who.vi}.`,
        en: `If the ${who.en}’s name is given, all the ${who.en}’s details are needed too.`,
      },
    }),
    requiredWithRule({
      id: `${prefix}-name-with-details`,
      ifAny: details,
      then: [`${prefix}.ho_ten`],
      description: { vi: `Thông tin của ${who.vi} cần có họ tên.`, en: `The ${who.en}’s details need the ${who.en}’s name.` },
    }),
    parentAgeGapRule({
      id: `${prefix}-older-than-child`,
      parentYearField: `${prefix}.nam_sinh`,
      childDateField: 'tre.ngay_sinh',
      minGap: 10,
      message: `Năm sinh của ${who.vi} không hợp lý: ${who.vi} phải lớn hơn bé ít nhất 10 tuổi.`,
      description: {
        vi: `${capitalise(who.vi)} lớn hơn con ít nhất 10 tuổi.`,
        en: `The ${who.en} is at least 10 years older than the child.`,
      },
    }),
  ];
}

export const toKhaiKhaiSinh: FormDefinition = {
  id: 'to-khai-khai-sinh',
  title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' },
  procedureIds: ['dang-ky-khai-sinh', 'lien-thong-khai-sinh-thuong-tru-bhyt', 'dang-ky-khai-sinh-lai'],
  legalBasis: 'Thông tư 04/2024/TT-BTP',
  fields: [
    addresseeField(),
    ...requesterFields({
      label: { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
      ask: {
        vi: 'Anh/chị là gì của bé (cha, mẹ, ông, bà...)?',
        en: 'How are you related to the child (father, mother, grandparent...)?',
      },
    }),
    child('ho_ten', 'name', true, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: { vi: 'Bé tên là gì (họ, chữ đệm và tên)?', en: 'What is the child’s full name?' },
    }),
    ...pickFields(childBasics, ['tre.ngay_sinh']),
    child('ngay_sinh_bang_chu', 'text', false, BIRTH_DATE_IN_WORDS, {
      derived: { from: 'tre.ngay_sinh', as: 'date-in-words' },
    }),
    child('noi_sinh', 'address', true, { vi: 'Nơi sinh', en: 'Place of birth' }, {
      ask: {
        vi: 'Bé sinh ở đâu (tên bệnh viện hoặc cơ sở y tế, xã/phường, tỉnh/thành phố)?',
        en: 'Where was the child born (hospital, commune/ward, province)?',
      },
    }),
    ...pickFields(childBasics, ['tre.gioi_tinh', 'tre.dan_toc', 'tre.quoc_tich']),
    child('que_quan', 'text', true, { vi: 'Quê quán', en: 'Home town' }, {
      ask: {
        vi: 'Quê quán của bé ở đâu (theo quê của cha hoặc mẹ)?',
        en: 'What is the child’s home town (the father’s or the mother’s)?',
      },
    }),
    ...parentFields('me', { vi: 'Mẹ', en: 'Mother' }, { vi: 'mẹ', en: 'mother' }),
    ...parentFields('cha', { vi: 'Cha', en: 'Father' }, { vi: 'cha', en: 'father' }),
    ...declarationFields(),
  ],
  rules: [
    ...parentRules('me', { vi: 'mẹ', en: 'mother' }),
    ...parentRules('cha', { vi: 'cha', en: 'father' }),
    dateOrderRule({
      id: 'declared-after-birth',
      earlier: 'tre.ngay_sinh',
      later: 'ngay_khai',
      message: 'Ngày làm tờ khai không được trước ngày sinh của bé.',
      description: { vi: 'Tờ khai làm sau ngày sinh.', en: 'The form is made after the birth.' },
    }),
  ],
};
