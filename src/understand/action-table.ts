import type { Action, Modifier } from './types.js';

/*
 * Two vocabularies for one set of actions (docs/understanding.md):
 * - OFFICIAL: how the catalogue's titles name an action ("Cấp lại …", "Đăng ký lại …", "… có yếu tố nước ngoài").
 *   Every procedure's actions are read from its own title with this table — data, not one rule per procedure.
 * - CITIZEN: how people say they need it ("bị mất", "rách", "ghi sai tên", "lấy chồng Hàn Quốc").
 * Phrases are folded (no diacritics, lower case) and matched as whole words.
 */

export const OFFICIAL_ACTIONS: Readonly<Record<Action, readonly string[]>> = {
  reregister: ['dang ky lai', 'dang ki lai'],
  reissue: ['cap lai', 'trinh bao mat'],
  exchange: ['cap doi', 'doi giay', 'doi chung nhan', 'doi the'],
  copy: ['ban sao', 'trich luc', 'cap sao', 'sao luc'],
  amend: ['thay doi', 'cai chinh', 'bo sung', 'dinh chinh', 'dieu chinh', 'sua doi', 'hieu dinh', 'xac dinh lai', 'sua loi', 'cap nhat', 'tich hop'],
  delete: ['xoa'],
  extend: ['gia han'],
  'change-use': ['chuyen muc dich'],
  split: ['tach thua', 'hop thua'],
  transfer: ['chuyen nhuong', 'tang cho', 'thua ke', 'sang ten', 'thay doi chu'],
  suspend: ['tam ngung', 'tam dung'],
  terminate: ['cham dut', 'giai the', 'thoi lam'],
  revoke: ['thu hoi', 'huy bo', 'huy viec'],
  certify: ['chung thuc'],
  record: ['ghi vao so ho tich viec', 'ghi chu'],
};

/**
 * Actions that also name the procedure's plain act ("Chứng thực hợp đồng" is what the procedure is, not a variant
 * of it): a title with only these still performs the plain action, so a question that does not say the verb is not
 * set back; a question that says it agrees.
 */
export const PLAIN_ACTIONS: readonly Action[] = ['certify'];

export const OFFICIAL_MODIFIERS: Readonly<Record<Modifier, readonly string[]>> = {
  foreign: ['yeu to nuoc ngoai', 'nguoi nuoc ngoai', 'o nuoc ngoai', 'cua nuoc ngoai', 'tai nuoc ngoai', 'dinh cu o nuoc ngoai', 'nuoc lang gieng'],
  mobile: ['luu dong'],
  combined: ['ket hop'],
  linked: ['lien thong'],
  border: ['khu vuc bien gioi'],
};

/** Words that open a title with the plain action ("Cấp, cấp đổi, cấp lại …", "Đăng ký, …"). */
export const BASE_VERBS: readonly string[] = ['cap', 'dang ky', 'dang ki', 'cap moi', 'cap phep'];

// "Làm lại" a part of a house is building work, not a paper made again.
const REDO = 'lam lai(?! (?:nha|can nha|mat tien|mai|mai nha|tuong|bep|cua|san|nen|mong|phong|cau thang|nha ve sinh|toilet|hang rao|cong)(?: |$))';

// Where a civil-status event may have been settled abroad.
const ABROAD = '(?:nuoc ngoai|my|han quoc|han|nhat|nhat ban|dai loan|uc|phap|duc|canada|trung quoc|nuoc so tai)';

export const CITIZEN_ACTIONS: Readonly<Record<Action, readonly string[]>> = {
  reregister: ['dang ky lai', 'dang ki lai', 'khai lai', 'khong con luu', 'khong con ban goc', 're register'],
  reissue: [
    'cap lai', REDO, 'bi mat', 'lam mat', 'danh mat', 'danh roi', 'that lac', 'roi mat', 'mat trom', 'bi trom', 'bi chay',
    'chay mat', 'troi mat', 'mat het', 'khong tim thay', 'lost', 'stolen', 'replace', 'replacement',
  ],
  exchange: [
    'cap doi', 'doi sang (?:can cuoc|the|cccd|chip|mau)', 'sang mau moi',
    // A land title exchanged: "đổi sổ mới", "đổi sổ đỏ theo diện tích thực tế". Not "đổi sổ tiết kiệm" (a bank's),
    // nor a name put right on it ("đổi sổ mới cho đúng tên phường": amend, below).
    '(?:doi (?:so|bia)(?: (?:do|hong))? (?:moi|cu|sang|theo)|doi (?:so|bia) (?:do|hong))(?!(?: \\S+){0,2} dung ten)',
    'doi the', 'doi lai', 'doi moi', 'het han', 'rach', 'bi rach', 'bi hong', 'hu hong', 'hong het', 'nhau nat', 'mo chu',
    'bong troc', 'du 25', 'du 40', 'du 60', 'expired', 'damaged', 'torn', 'renew',
    'change (?:my |our |the |an |a )?(?:old |foreign )?(?:id|card|cccd|chip|identity card|driving licen[cs]e|driver s licen[cs]e|licen[cs]e)',
    // A card printed with an error is exchanged for a correct one, not corrected in place.
    // Not "sửa thế nào" ("the" folded is also "thế").
    '(?:the can cuoc|can cuoc|cccd|the bhyt|the bao hiem y te)(?: \\S+){0,3} (?:ghi|bi|in) sai', 'sua (?:lai )?(?:the(?! (?:nao|nay|nhung|ma))|can cuoc|cccd)',
  ],
  // "Xin lại cái mới" asks for a new paper, not a copy of the old one.
  copy: ['ban sao', 'trich luc', 'sao y', 'sao luc', 'xin lai(?! (?:cai |giay |ban |to )?moi)', 'photo', 'ban photo', 'them mot ban', 'copy', 'copies', 'another copy', 'certified copy'],
  amend: [
    'sai', 'bi sai', 'ghi sai', 'viet sai', 'sai ten', 'nham', 'ghi nham', 'sua ten', 'sua ho', 'sua ngay', 'sua nam', 'sua thong tin',
    'sua lai(?! nha)', 'thieu chu', 'thieu ten', 'sai chinh ta', 'doi sang ho', 'lay ho', 'sua giay', 'sua que', 'sua dan toc', '(?:doi|chuyen)(?: \\S+){0,3} sang dan toc', 'sua gioi tinh', 'sua sai', 'sua cho dung', 'sua doi', 'cai chinh', 'dinh chinh',
    'thay doi', 'doi ten', 'doi ho', 'doi dan toc', 'them ten', 'ghi them', 'bo sung', 'chua co ten', 'xac dinh lai',
    'cap nhat', 'dieu chinh', 'khong khop', 'sua the nao', 'sua nhu the nao', 'chuyen dia diem', 'chuyen quan', 'doi dia chi',
    'chuyen dia chi', 'doi ten bien', 'ban them', 'sang lai',
    // Adding a health card or a licence to the ID card; not into the VNeID app (its level-2 account).
    'tich hop(?!(?: \\S+){0,8} (?:vao|len|tren) (?:app |ung dung )?vneid)', 'integrate',
    // "Cho bố mẹ đứng tên riêng", "đổi sổ cho đúng tên" change whose name or which name; "cả nhà đứng tên" only tells who holds it.
    'cho (?:\\S+ ){1,2}dung ten', 'dung ten rieng', 'cho dung ten', 'wrong', 'mistake', 'correct', 'change my name', 'update',
    // Not the land's use (change-use), a card or licence changed for a new one (exchange), an owner (transfer), or
    // one's residence (a move: the residence procedures). "Change the address on my business registration" amends.
    'change(?!(?: (?:of|the|my|our|its))* land use)(?!(?: \\S+){0,3} land to)(?! (?:my |our |the |an |a |his |her )?(?:old |foreign )?(?:id|card|cccd|chip|identity card|driving licen[cs]e|driver s licen[cs]e|licen[cs]e|passport|owner|ownership|residence|temporary residence|permanent residence))',
    'changed', 'modify', 'amend',
  ],
  delete: ['xoa', 'cat khau', 'cat ho khau', 'rut ho khau', 'rut khau', 'remove', 'giai chap', 'giai the chap'],
  extend: ['gia han', 'keo dai', 'extend', 'extension'],
  'change-use': [
    'chuyen muc dich', 'len tho cu', 'sang tho cu', 'sang dat o', 'thanh dat o', 'len dat o', 'sang dat tho cu', 'chuyen doi muc dich', 'chuyen dat',
    'dat o de xay', 'change(?: (?:of|the|my|our|its))* land use', 'change(?: \\S+){0,3} land to (?:residential|housing|building)',
  ],
  split: ['tach thua', 'tach so', 'tach dat', 'chia dat', 'hop thua', 'gop so', 'gop thua', 'chia thua', 'gop lai', 'nhap thua', 'gop (?:\\S+ ){0,3}thanh (?:1|mot) so'],
  transfer: ['sang ten', 'chuyen nhuong', 'tang cho', 'cho tang', 'thua ke', 'mua lai', 'ban lai', 'mua dat', 'ban dat', 'mua nha', 'ban nha', 'mua xe', 'ban xe', 'transfer', 'change (?:the )?(?:owner|ownership)'],
  suspend: ['tam ngung', 'tam nghi', 'tam dung', 'nghi mot thoi gian', 'nghi tam'],
  terminate: ['cham dut', 'dong cua', 'nghi han', 'giai the(?! chap)', 'khong kinh doanh nua', 'thoi kinh doanh', 'ngung han', 'close down'],
  revoke: ['thu hoi', 'huy bo'],
  // Not the notary as the one who asks for a paper ("văn phòng công chứng đòi giấy xác nhận độc thân").
  certify: ['chung thuc', '(?<!(?:van phong|phong) )cong chung(?! (?:vien|doi|yeu cau|bao|hoi|bat|noi|can))', 'thi thuc'],
  // What was settled abroad is recorded here, not registered again.
  record: [
    'ghi chu (?:ket hon|ly hon|khai sinh|khai tu|viec)', 'ghi vao so ho tich',
    `da (?:dang ky |lam )?(?:giay )?(?:ket hon|ly hon|khai sinh)(?: \\S+){0,3} (?:o|tai|ben) ${ABROAD}`,
    // A paper a foreign authority issued: "giấy khai sinh do chính quyền Nhật cấp".
    // Not "do phòng Tư pháp cấp", "xã Tân Mỹ cấp": the authority is a foreign one.
    `(?:khai sinh|ket hon|ly hon|khai tu)(?: \\S+){0,2} (?:do|cua) (?:\\S+ ){0,2}(?:chinh quyen|co quan|dai su quan|lanh su quan|toa an|benh vien|nuoc|ben) ${ABROAD} cap`,
    '(?:ket hon|ly hon|khai sinh) ben do',
    '(?:married|divorced|registered)(?: \\S+){0,3} (?:abroad|overseas|in the us|in korea|in japan|in taiwan)',
    'record (?:a |my |our )?(?:marriage|divorce|birth)',
  ],
};

// Doing two things at once: a combined registration or a linked file. Not "làm chung" alone: folded it is also
// "làm chứng" (to witness).
const AT_ONCE = ['cung luc', 'dong thoi', 'lam chung (?:1|mot) lan', 'cung mot luc', 'mot lan luon'];

/**
 * A birth registered now with the father's name, when the parents are not married, is the birth and the recognition in
 * one (a combined registration); married parents' child has its father's name anyway.
 */
export const UNMARRIED_FATHER_NAMED = {
  named: /(?:^| )(?:(?:lam|dang ky) (?:giay )?)?khai sinh (?:\S+ ){0,8}(?:co|ghi|mang) ten (?:ca )?(?:bo|ba|cha)(?= |$)/,
  unmarried: /(?:^| )(?:chua (?:di )?(?:dang ky )?ket hon|chua lam giay ket hon|chua cuoi|ngoai gia thu|khong dang ky ket hon|chua ly hon xong|not married|unmarried)(?= |$)/,
  // …unless they have registered their marriage since ("nay … mới đi đăng ký kết hôn"): their child is then
  // registered the plain way.
  // Not "đã cưới": a wedding is no registered marriage ("đã cưới nhưng chưa đăng ký kết hôn").
  marriedSince: /(?:^| )(?:moi|vua|da) (?:di )?(?:dang ky ket hon|lam giay ket hon)(?: (?:xong|roi))?(?= |$)/,
};

export const CITIZEN_MODIFIERS: Readonly<Record<Modifier, readonly string[]>> = {
  foreign: [
    // Not a trip or work abroad ("đi du lịch nước ngoài", "ra nước ngoài làm việc"): the event itself is here.
    '(?<!(?:du lich|di|ra|sang|qua|xuat canh|xuat ngoai) )nuoc ngoai', 'nguoi nuoc ngoai', 'viet kieu', 'yeu to nuoc ngoai', 'quoc tich nuoc', 'han quoc', 'trung quoc', 'dai loan',
    'nhat ban', 'campuchia', 'thai lan', 'singapore', 'malaysia', 'philippines', 'indonesia', 'canada', 'australia', 'nuoc uc',
    'nuoc my', 'ben my', 'o my', 'nguoi my', 'quoc tich my', 'nuoc anh', 'nuoc phap', 'nguoi phap', 'nuoc duc', 'nguoi duc',
    'nuoc lao', 'ben lao', 'nuoc nga', 'dinh cu', 'xuat khau lao dong', 'foreign', 'foreigner', 'expat', 'abroad',
    'korean', 'chinese', 'japanese', 'american', 'british', 'french', 'german', 'australian', 'indian', 'russian',
    'filipino', 'taiwanese', 'canadian', 'singaporean', 'expats', 'expatriate', 'foreign national',
    // An English speaker's own nationality or partner: "a US citizen", "from Taiwan", "my Vietnamese fiancée".
    '(?:us|uk|eu) (?:citizen|national|passport)', '(?<!(?:back|returned|return|home) )from (?:the us|the usa|america|the uk|england|korea|china|japan|taiwan|australia|france|germany|india|russia|singapore|thailand|the philippines|canada)',
    '(?:my|a|our) vietnamese (?:wife|husband|fiancee|fiance|girlfriend|boyfriend|partner|spouse)', 'married (?:to )?a vietnamese',
    'an do', 'ha lan', 'thuy dien', 'na uy', 'dan mach', 'thuy si', 'new zealand', 'tay ba lo',
    // Only a foreigner holds these in Vietnam.
    '(?:business|tourist|work|student|spouse|investor) visa', 'my visa', 'work permit', 'temporary residence card',
    // Not "người Thái" (an ethnic group of Vietnam), "người lao động", "người anh" (elder brother), nor "ông Đức",
    // "chị Nga" (given names); "người Tày" is an ethnic group too (folded like "người Tây"), "chồng Tây" a Westerner.
    '(?:nguoi|quoc tich|ban trai|ban gai|chong|vo|khach) (?:han|han quoc|nhat|trung quoc|dai loan|uc|my|phap|duc|hong kong|an do|ha lan)',
    '(?:ban trai|ban gai|chong|vo|khach) tay', '(?:ket hon voi|lay|cuoi|yeu) nguoi tay',
  ],
  mobile: ['luu dong'],
  combined: [
    'ket hop', ...AT_ONCE,
    // A birth registered now with the unmarried father's name is the birth and the recognition in one; a father's
    // name added to a birth certificate already issued is not ("ghi tên bố vào khai sinh").
    'nhan (?:cha|con) luon', 'ten (?:bo|ba|cha) luon', 'with my name as the father',
  ],
  linked: ['lien thong', ...AT_ONCE, 'one application', 'at the same time'],
  // Not a visa "border run"; not "vùng biên", "giáp biên": folded they are also the sea's "vùng biển", "giáp biển".
  border: [
    'bien gioi', 'cua khau', 'border (?:area|commune|province|district|village|town|gate)', 'near the border', 'across the border',
  ],
};
