import type { FieldDef, FieldOption, FieldType, LocalizedText } from '../types.js';

/** Who a block of fields is about, for the chat's questions: `{ vi: 'bên nữ', en: 'the bride' }`. */
export type Who = LocalizedText;

export const GENDER_OPTIONS: readonly FieldOption[] = [
  { value: 'nam', label: { vi: 'Nam', en: 'Male' }, aliases: ['trai', 'con trai', 'be trai', 'male', 'm', 'boy'] },
  { value: 'nu', label: { vi: 'Nữ', en: 'Female' }, aliases: ['gai', 'con gai', 'be gai', 'female', 'f', 'girl'] },
];

// The identity papers the civil-status and residence rules accept; the old CMND is not among them for a living
// requester, as it stopped being valid on 1/1/2025 (Luật Căn cước 2023).
export const ID_DOCUMENT_OPTIONS: readonly FieldOption[] = [
  { value: 'the-can-cuoc', label: { vi: 'Thẻ căn cước', en: 'Identity card' }, aliases: ['can cuoc', 'cc'] },
  {
    value: 'can-cuoc-cong-dan',
    label: { vi: 'Thẻ căn cước công dân', en: 'Citizen identity card' },
    aliases: ['cccd', 'can cuoc cong dan'],
  },
  {
    value: 'can-cuoc-dien-tu',
    label: { vi: 'Căn cước điện tử', en: 'Electronic identity (VNeID)' },
    aliases: ['vneid'],
  },
  { value: 'ho-chieu', label: { vi: 'Hộ chiếu', en: 'Passport' }, aliases: ['passport'] },
  {
    value: 'giay-chung-nhan-can-cuoc',
    label: { vi: 'Giấy chứng nhận căn cước', en: 'Identity certificate' },
  },
  { value: 'khac', label: { vi: 'Giấy tờ khác', en: 'Other document' }, aliases: ['other'] },
];

interface FieldExtras {
  ask?: LocalizedText;
  options?: readonly FieldOption[];
  allowOldCmnd?: boolean;
  min?: number;
  max?: number;
  derived?: FieldDef['derived'];
  notAsked?: boolean;
}

/** A field builder bound to one section: `field('ho_ten', 'name', true, label, extras)` → `<prefix>.ho_ten`. */
export function section(prefix: string, group: LocalizedText) {
  return (
    key: string,
    type: FieldType,
    required: boolean,
    label: LocalizedText,
    extras: FieldExtras = {},
  ): FieldDef => ({
    name: prefix === '' ? key : `${prefix}.${key}`,
    label,
    type,
    required,
    group,
    ...extras,
  });
}

const FORM_GROUP = { vi: 'Thông tin chung', en: 'General' };
const DECLARATION_GROUP = { vi: 'Lời cam đoan', en: 'Declaration' };

/** "Kính gửi": the office the form is addressed to. */
export function addresseeField(): FieldDef {
  return section('', FORM_GROUP)('kinh_gui', 'text', true, { vi: 'Kính gửi', en: 'To' }, {
    ask: {
      vi: 'Tờ khai gửi đến cơ quan nào (ví dụ: Ủy ban nhân dân phường ...)?',
      en: 'Which office is the form addressed to (e.g. the People’s Committee of ... ward)?',
    },
  });
}

/** Place and date written above the signature ("Làm tại ..., ngày ... tháng ... năm ..."). */
export function declarationFields(): FieldDef[] {
  const field = section('', DECLARATION_GROUP);
  return [
    field('noi_khai', 'text', false, { vi: 'Làm tại', en: 'Made at' }, {
      notAsked: true,
      ask: {
        vi: 'Tờ khai làm tại đâu (xã/phường, tỉnh/thành phố)?',
        en: 'Where is the form made (commune/ward, province)?',
      },
    }),
    field('ngay_khai', 'date', false, { vi: 'Ngày làm tờ khai', en: 'Date of the declaration' }, {
      notAsked: true,
      ask: { vi: 'Ngày làm tờ khai là ngày nào?', en: 'What is the date of the declaration?' },
    }),
  ];
}

/** Identity paper of a person: kind, personal ID number, date and place of issue. */
export function identityFields(
  prefix: string,
  group: LocalizedText,
  who: Who,
  { numberRequired = true, allowOldCmnd = false }: { numberRequired?: boolean; allowOldCmnd?: boolean } = {},
): FieldDef[] {
  const field = section(prefix, group);
  return [
    field('loai_giay_to', 'select', false, { vi: 'Loại giấy tờ tùy thân', en: 'Identity document' }, {
      options: ID_DOCUMENT_OPTIONS,
      ask: { vi: `Giấy tờ tùy thân của ${who.vi} là loại gì?`, en: `What identity document ${englishHas(who)}?` },
    }),
    field('so_dinh_danh', 'id-number', numberRequired, { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, {
      ...(allowOldCmnd ? { allowOldCmnd } : {}),
      ask: {
        vi: `Số định danh cá nhân (12 số trên thẻ căn cước) của ${who.vi} là gì?`,
        en: `What is ${englishPossessive(who)} personal ID number (12 digits on the identity card)?`,
      },
    }),
    field('ngay_cap', 'date', false, { vi: 'Ngày cấp', en: 'Date of issue' }, {
      ask: { vi: `Giấy tờ của ${who.vi} cấp ngày nào?`, en: `When was ${englishPossessive(who)} document issued?` },
    }),
    field('noi_cap', 'text', false, { vi: 'Nơi cấp', en: 'Place of issue' }, {
      ask: { vi: `Giấy tờ của ${who.vi} do cơ quan nào cấp?`, en: `Which authority issued ${englishPossessive(who)} document?` },
    }),
  ];
}

const REQUESTER_GROUP = { vi: 'Người yêu cầu', en: 'Requester' };
const REQUESTER: Who = { vi: 'anh/chị', en: 'you' };

/** The civil-status requester block: name, residence, identity paper, relationship to the person concerned. */
export function requesterFields(relation: { label: LocalizedText; ask: LocalizedText }): FieldDef[] {
  const field = section('nguoi_yeu_cau', REQUESTER_GROUP);
  return [
    field('ho_ten', 'name', true, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: { vi: 'Họ, chữ đệm và tên của anh/chị là gì?', en: 'What is your full name?' },
    }),
    field('noi_cu_tru', 'address', true, { vi: 'Nơi cư trú', en: 'Place of residence' }, {
      ask: {
        vi: 'Nơi cư trú của anh/chị ở đâu (nơi thường trú; nếu không có thì nơi tạm trú, hoặc nơi đang ở)?',
        en: 'Where do you live (your permanent residence; otherwise your temporary residence, or where you live now)?',
      },
    }),
    ...identityFields('nguoi_yeu_cau', REQUESTER_GROUP, REQUESTER),
    field('quan_he', 'text', true, relation.label, { ask: relation.ask }),
  ];
}

/** Name, birth date, gender, ethnicity and nationality of a person, as the civil-status forms print them. */
export function personFields(
  prefix: string,
  group: LocalizedText,
  who: Who,
  { withGender = true }: { withGender?: boolean } = {},
): FieldDef[] {
  const field = section(prefix, group);
  return [
    field('ho_ten', 'name', true, { vi: 'Họ, chữ đệm, tên', en: 'Full name' }, {
      ask: { vi: `Họ, chữ đệm và tên của ${who.vi} là gì?`, en: `What is ${englishPossessive(who)} full name?` },
    }),
    field('ngay_sinh', 'date', true, { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, {
      ask: {
        vi: `${capitalise(who.vi)} sinh ngày nào (ngày/tháng/năm)?`,
        en: `What is ${englishPossessive(who)} date of birth (day/month/year)?`,
      },
    }),
    ...(withGender
      ? [
          field('gioi_tinh', 'select', true, { vi: 'Giới tính', en: 'Sex' }, {
            options: GENDER_OPTIONS,
            ask: { vi: `Giới tính của ${who.vi}: nam hay nữ?`, en: `Is ${who.en} male or female?` },
          }),
        ]
      : []),
    field('dan_toc', 'text', true, { vi: 'Dân tộc', en: 'Ethnicity' }, {
      ask: {
        vi: `${capitalise(who.vi)} là người dân tộc gì (ví dụ: Kinh)?`,
        en: `What is ${englishPossessive(who)} ethnicity (e.g. Kinh)?`,
      },
    }),
    field('quoc_tich', 'text', true, { vi: 'Quốc tịch', en: 'Nationality' }, {
      ask: { vi: `Quốc tịch của ${who.vi} là gì (ví dụ: Việt Nam)?`, en: `What is ${englishPossessive(who)} nationality?` },
    }),
  ];
}

/** The fields named by `names`, in that order: lets a form follow its paper's order while reusing blocks. */
export function pickFields(fields: readonly FieldDef[], names: readonly string[]): FieldDef[] {
  return names.map((name) => {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`pickFields: no field ${name}`);
    return field;
  });
}

/** First letter upper-cased, for questions that start with the person's description. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "your" for the requester, "the bride’s" for anyone else: English questions built from a `Who`. */
export function englishPossessive(who: Who): string {
  return who.en === 'you' ? 'your' : `${who.en}’s`;
}

/** "do you have" / "does the bride have". */
export function englishHas(who: Who): string {
  return who.en === 'you' ? 'do you have' : `does ${who.en} have`;
}
