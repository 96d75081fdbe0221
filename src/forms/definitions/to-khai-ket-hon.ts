import { distinctValuesRule, minAgeRule } from '../rules.js';
import type { FieldDef, FormDefinition, LocalizedText } from '../types.js';
import { addresseeField, declarationFields, identityFields, personFields, section, type Who } from './common.js';

// Tờ khai đăng ký kết hôn: mẫu ban hành kèm Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (record
// 1.000894). Two columns, Bên nữ and Bên nam, declared jointly and signed by both.
function partyFields(prefix: 'ben_nu' | 'ben_nam', group: LocalizedText, who: Who): FieldDef[] {
  const field = section(prefix, group);
  return [
    ...personFields(prefix, group, who, { withGender: false }),
    field('noi_cu_tru', 'address', true, { vi: 'Nơi cư trú', en: 'Place of residence' }, {
      ask: { vi: `Nơi cư trú của ${who.vi} ở đâu?`, en: `Where does ${who.en} reside?` },
    }),
    ...identityFields(prefix, group, who),
    field('ket_hon_lan_thu', 'number', true, { vi: 'Kết hôn lần thứ', en: 'Marriage number' }, {
      min: 1,
      max: 20,
      ask: {
        vi: `Đây là lần kết hôn thứ mấy của ${who.vi} (lần đầu thì ghi 1)?`,
        en: `Is this ${who.en}’s first marriage (1), second (2)...?`,
      },
    }),
  ];
}

export const toKhaiKetHon: FormDefinition = {
  id: 'to-khai-ket-hon',
  title: { vi: 'Tờ khai đăng ký kết hôn', en: 'Marriage registration form' },
  procedureIds: ['dang-ky-ket-hon'],
  legalBasis: 'Thông tư 04/2024/TT-BTP',
  fields: [
    addresseeField(),
    ...partyFields('ben_nu', { vi: 'Bên nữ', en: 'Bride' }, { vi: 'bên nữ', en: 'the bride' }),
    ...partyFields('ben_nam', { vi: 'Bên nam', en: 'Groom' }, { vi: 'bên nam', en: 'the groom' }),
    ...declarationFields(),
  ],
  rules: [
    // Luật Hôn nhân và gia đình 2014, Điều 8: nữ từ đủ 18 tuổi, nam từ đủ 20 tuổi, at the registration (the date of
    // the declaration when given, else today).
    minAgeRule({
      id: 'bride-age',
      birthField: 'ben_nu.ngay_sinh',
      minYears: 18,
      atField: 'ngay_khai',
      message: 'Bên nữ chưa đủ 18 tuổi nên chưa đủ tuổi kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).',
      description: { vi: 'Nữ từ đủ 18 tuổi.', en: 'The bride is at least 18.' },
    }),
    minAgeRule({
      id: 'groom-age',
      birthField: 'ben_nam.ngay_sinh',
      minYears: 20,
      atField: 'ngay_khai',
      message: 'Bên nam chưa đủ 20 tuổi nên chưa đủ tuổi kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8).',
      description: { vi: 'Nam từ đủ 20 tuổi.', en: 'The groom is at least 20.' },
    }),
    distinctValuesRule({
      id: 'two-people',
      fields: ['ben_nu.so_dinh_danh', 'ben_nam.so_dinh_danh'],
      description: { vi: 'Hai bên là hai người khác nhau.', en: 'Bride and groom are two different people.' },
    }),
  ],
};
