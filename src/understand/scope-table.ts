import type { ScopeTopic } from './types.js';

/** Folded phrases matched as whole words, as one pattern. */
export function words(...phrases: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${phrases.join('|')})(?= |$)`);
}

/** A paper the ward or its police gives, named in the message: what a school or an employer asks of the citizen. */
const WARD_PAPERS = [
  'ban sao', 'trich luc', 'khai sinh', 'xac nhan', 'chung thuc', 'sao y', 'cong chung', 'can cuoc', 'cccd', 'ho khau', 'tam tru',
  'thuong tru', 'tam vang', 'ho ngheo', 'can ngheo', 'ly lich', 'birth certificate', 'copy of', 'certified cop(?:y|ies)',
  'residence', 'criminal record', 'police clearance', 'id card', 'marriage certificate', 'single status',
];

/*
 * Topics no ward procedure answers, each phrase folded and matched as whole words. Court matters are referred to
 * the People's Court (and the ward's grassroots mediation where it applies); the others get a short, specific
 * reply. A phrase here only says what the topic is: a question that also names a procedure outright is still
 * answered (docs/understanding.md). Deliberately absent: land disputes (the ward mediates them: an in-scope
 * procedure), complaints and denunciations (khiếu nại, tố cáo: catalogue procedures).
 */
export const SCOPE_TABLE: Readonly<Record<ScopeTopic, readonly string[]>> = {
  court: [
    'muon ly hon', 'xin ly hon', 'thu tuc ly hon', 'ly hon thi', 'ly hon don phuong', 'don phuong ly hon', 'thuan tinh ly hon',
    'ly hon thuan tinh', 'don ly hon', 'ly di', 'khi ly hon', 'ra toa ly hon', 'khoi kien', 'kien ra toa', 'kien doi', 'di kien', 'muon kien', 'nop don kien', 'kien nguoi',
    'kien cong ty', 'toa an', 'ra toa', 'len toa', 'xu an', 'ban an', 'khang cao', 'thi hanh an', 'to tung', 'tranh chap thua ke',
    'chia thua ke', 'chia di san', 'chia the nao', 'chia nhu the nao', 'chia ra sao', 'chia lai', 'doi chia', 'don phuong', 'chia tai san', 'tai san chung', 'quyen nuoi con', 'gianh nuoi con', 'gianh quyen nuoi',
    'cap duong', 'vay tien', 'muon tien', 'vay no', 'khong tra no', 'khong chiu tra', 'quyt no', 'doi no', 'no tien', 'lua dao',
    'bi lua', 'chiem doat', 'hanh hung', 'danh nhau', 'bi danh', 'lawsuit', 'sue', 'divorce', 'custody', 'court', 'inheritance dispute',
    // Other disputes between people: a deposit kept, honour. Not "bồi thường thiệt hại": the State's compensation for
    // harm done by an official is a catalogue procedure; not "vu khong" alone: it is also "(dịch, nghĩa) vụ không?".
    'doi lai (?:tien )?coc', 'khong tra (?:lai )?(?:tien )?coc', 'mat coc', 'noi xau', 'xuc pham danh du', 'bi vu khong',
    'tranh chap hop dong',
    // Heirs or co-owners who do not agree: who inherits, who must sign, getting a share back are for the court.
    // Not a refusal to sign a ward paper ("chủ nhà không chịu ký xác nhận"): that is a residence matter or a complaint.
    'khong (?:chiu|dong y) ky(?! (?:xac nhan|giay xac nhan|cho (?:toi|em|minh) dang ky|dang ky))', 'khong chiu ky ten', 'khong chiu chia',
    'tranh chap tai san', 'tranh chap nha(?! dat)', 'doi lai nha', 'doi lai tai san', 'co thuoc hang thua ke',
    '(?:thuoc )?hang thua ke (?:\\S+ ){0,3}(?:khong|nao)', 'ai duoc (?:huong |chia )?thua ke', 'co duoc (?:huong |chia )?thua ke',
    // Not "thế vị" alone: folded it is also "thẻ vì" ("đổi thẻ vì hỏng chip").
    'tranh gianh', 'khong chiu boi thuong', 'thua ke the vi', 'the vi (?:thua ke|cua)', 'duoc chia phan',
    // A neighbour's works that damaged one's house: settled between the two, by mediation or the court.
    'nut tuong', 'lam nut', 'lun nut', 'tham dot', 'tham nuoc sang', 'hat karaoke', 'gay on', 'on ao', 'tieng on',
    // Whether a will or a handwritten sale is valid is for a court to say (certifying a will is a procedure).
    'di chuc (?:\\S+ ){0,5}co (?:hieu luc|hop phap|hop le|gia tri)', 'giay tay (?:\\S+ ){0,5}co (?:hop phap|gia tri phap ly|hieu luc)',
    // Who pays for a road accident is settled between the parties, their insurers or the court.
    'tai nan giao thong (?:\\S+ ){0,8}(?:boi thuong|den bu)', 'boi thuong tai nan',
    'refuses? to sign', 'won t sign', '(?:return|give back|keep|kept|keeps) (?:my |the )?deposit',
  ],
  weather: ['thoi tiet', 'troi mua', 'du bao thoi tiet', 'nhiet do', 'con bao (?:so|sap|dang|vao|do bo)', 'bao lu', 'mua mua bao', 'mua bao lu', 'co mua khong', 'ngay mai mua', 'weather', 'forecast'],
  prices: [
    'gia vang', 'gia xang', 'gia dien', 'gia nuoc sach', 'ty gia', 'gia usd', 'gia do la', 'gia dat thi truong', 'gia nha dat',
    'gia thue nha', 'gia thue phong', 'gia phong tro', 'gia gui xe', 'gia trong giu xe', 'phi gui xe', 'tien gui xe', 'gia ca', 'gia thit', 'gia lua', 'gia rau', 'chung khoan', 'co phieu', 'gia bao nhieu mot', 'price of',
    'exchange rate', 'gold price',
  ],
  transport: ['xe buyt', 've xe', 've tau', 've may bay', 'gio tau', 'tuyen xe', 'taxi', 'grab', 'bus', 'train ticket', 'flight'],
  medical: [
    'benh vien', 'kham benh', 'bac si', 'uong thuoc', 'thuoc gi', 'dau bung', 'bi sot', 'vien phi', 'nam vien', 'trai tuyen',
    'dung tuyen', 'thong tuyen', 'muc huong bao hiem y te', 'bao hiem y te (?:chi )?tra (?:bao nhieu|may phan tram)', 'chuyen vien', 'chuyen tuyen', 'phan tram vien phi', 'tiem phong', 'tiem chung', 'vaccine', 'chua benh', 'hospital', 'doctor', 'medicine',
  ],
  news: ['tin tuc', 'bong da', 'ket qua xo so', 'xo so', 'tin moi', 'thoi su', 'news', 'football', 'lottery'],
  // Traffic offences: the fine, a withheld licence or vehicle are settled by the police unit that wrote the report.
  // A complaint against that decision is a catalogue procedure (see SCOPE_EXCEPTIONS).
  traffic: [
    'nong do con', 'tuoc bang', 'tuoc bang lai', 'tuoc giay phep lai xe', 'phat nguoi', 'vuot den do', 'giu bang lai', 'tam giu bang',
    'di nguoc chieu', 'qua toc do', 'lay lai bang lai', 'nhan lai bang lai', 'lay lai xe bi giu', 'traffic fine', 'speeding',
  ],
  // Electricity and water bills and meters: the supplier's business, not the ward's.
  utilities: [
    'hoa don tien dien', 'hoa don tien nuoc', 'dien luc', 'cong to dien', 'cong to nuoc', 'cup dien', 'mat dien', 'tien dien tang',
    'tien nuoc tang', 'electricity bill', 'water bill', 'power cut',
  ],
  // A bank's own rules (accounts, savings books, interest, loans): only when the asking part is about them — a bank
  // asking for a paper the ward gives ("ngân hàng đòi giấy xác nhận số CMND") is a procedure (SCOPE_ASKED_ONLY).
  banking: [
    // Not "lãi suất", "vay ngân hàng": interest support and policy loans are procedures of their own.
    'ngan hang (?:co )?tu cap nhat', 'tai khoan (?:ngan hang )?(?:co )?bi khoa', 'the atm', 'bank account',
    'tra (?:het )?no truoc han', 'phi (?:phat )?tra no truoc',
  ],
  // Buying, selling and services between people: where to buy, which is good, shops and apps. Papers that a sale
  // needs (transferring a vehicle, certifying a contract) are procedures and are named by other words.
  shopping: [
    'gia re', 'uy tin', 'cho nao ban', 'noi nao ban', 'o dau ban', 'ban o dau', 'mua o dau', 'nen mua', 'mua loai nao',
    '(?:xe|loai|hang|dien thoai|may|cai|trung tam|truong) nao tot', 'tiet kiem xang', 'sua xe (?:may |o to )?(?:o dau|gan)', 'shopee', 'lazada', 'tiki',
    'bao hiem nhan tho', 'shipper', 'livestream', 'mua (?:hang )?online', 'dat hang online', 'facebook', 'tiktok', 'youtube', 'ma giam gia', 'khuyen mai', 'where to buy', 'where can i buy', 'cheap', 'hotel', 'khach san',
  ],
  // Schools: enrolment, transfers, fees, exams and diplomas are the school's and the education office's. Asked only:
  // a child starting school is often why a ward paper is needed, and a ward paper named keeps it a procedure.
  education: [
    'nhap hoc', 'xin hoc', 'chuyen truong', 'xin vao truong', 'xin vao lop', 'tuyen sinh (?:lop|vao lop|mam non|tieu hoc|dau cap)',
    'vao lop (?:1|mot|6|sau|10|muoi)', 'hoc phi', 'diem thi', 'diem chuan', 'thi tot nghiep', 'thi vao lop', 'xet tuyen', 'hoc ba',
    'bang tot nghiep', 'bang dai hoc', 'hoc bong', 'school', 'enrol', 'enroll', 'enrolment', 'tuition', 'exam results',
  ],
  // Work: wages, contracts, dismissal and an employer's contributions are between worker and employer. Asked only, as
  // schools are; a ward paper named keeps it a procedure.
  labour: [
    'no luong', 'cham luong', 'khong tra luong', 'chua tra luong', 'quyt luong', 'sa thai', 'duoi viec', 'cho (?:toi |em )?nghi viec',
    // Not "tăng ca" alone: folded it is also "tặng cả" (giving a whole plot).
    'hop dong lao dong', 'cong ty (?:khong|chua) (?:dong|tra) (?:bao hiem|luong)', 'lam tang ca', 'tien tang ca', 'lam them gio', 'nghi phep', 'thu viec',
    'tro cap thoi viec', 'tim viec', 'xin viec', 'tuyen dung', 'unpaid wages', 'fired', 'employer', 'labour contract', 'labor contract',
    'find a job',
    // Unemployment benefit: the employment service centre's (the catalogue has only its authorisation to collect).
    'tro cap that nghiep', 'bao hiem that nghiep', 'unemployment benefit',
  ],
  // Phone lines: a SIM registered in one's name, subscriber data, the carrier's rules are the carrier's business.
  telecom: [
    'sim chinh chu', 'dang ky sim', 'khoa sim', 'sim bi khoa', 'chuan hoa thong tin thue bao', 'thong tin thue bao', 'nha mang',
    'viettel', 'vinaphone', 'mobifone', 'sim card', 'phone carrier',
  ],
  // A visa to go abroad, studying abroad: the other country's embassy and the agencies'. Asked only, and a ward paper
  // named keeps it a procedure (a criminal record certificate, a copy): going abroad is often why one is needed. A
  // passport is a procedure; an embassy alone is no topic (a foreigner's embassy writes a paper the ward asks for).
  abroad: [
    'xin visa', 'visa (?:di|sang|qua|du lich|du hoc|lao dong)', 'visa (?:han quoc|nhat|my|uc|chau au|schengen|canada|dai loan|trung quoc)',
    'du hoc', 'xin thi thuc (?:di|sang|qua)', 'visa to', 'study abroad', 'fbi',
  ],
  // What the law sets for a case — a fine, a tax rate, whether a foreigner may own land — is no procedure: asked only,
  // and a question that also asks how to file, declare or apply is about that procedure.
  rules: [
    // Not "phạt bao nhiêu" alone: folded it is also "phát bao nhiêu" (an allowance paid out).
    'muc phat', 'bi phat (?:\\S+ ){0,3}bao nhieu', 'xu phat (?:\\S+ ){0,3}(?:bao nhieu|the nao|ra sao)',
    'buoc thao do', 'thue suat', 'ty le (?:\\S+ ){0,3}phan tram', 'tinh theo ty le',
    'nguoi nuoc ngoai (?:\\S+ ){0,4}(?:mua|dung ten|so huu) (?:nha|dat|can ho)',
    'how much is the fine', 'what is the fine', '(?:foreigner|foreign national)(?: \\S+){0,8} (?:buy|own) (?:a |an )?(?:house|land|apartment|flat)',
    'can i(?: \\S+){0,6} buy (?:a |an )?(?:house|land)',
    // Whether something is a crime, void or forged, whether one can get a plot or money back, what rights remain: for
    // a lawyer or a court. Not "có tội" ("cô tôi"), "đi tù" ("dì Tư"), "là giả" ("là gia đình"), the surname Phạm
    // ("họ là Phạm, tôi …"), "vi phạm pháp luật" / "vi phạm. Tôi", "ngồi từ 7 giờ", "vô hiệu hóa", "còn quyển",
    // "vợ Hiếu", "Con Quyên", the modal "will".
    '(?:co|bi|la|thi) pham toi (?:gi|khong|ko|chua|hinh su)', '(?<!vi )pham phap', 'co pham luat', 'truy cuu trach nhiem',
    'bi (?:phat )?tu (?:giam|may nam|bao lau|khong|chung than)', '(?:phai|bi|di) ngoi tu', 'ngoi tu (?:may nam|bao lau|\\d+ (?:nam|thang))',
    '(?:co|bi|la) vo hieu(?! hoa)', 'gia mao', 'con quyen (?:gi|loi|thua ke|so huu|su dung|doi)', 'co quyen gi',
    '(?:doi|lay) lai (?:duoc )?(?:manh dat|mieng dat|dat|nha|can nha|tien)', 'doi (?:\\S+ ){0,3}tra lai tien', 'bi dung (?:xay|thi cong)',
    'is (?:it|this|that) legal', '(?:(?:the|a|my|his|her|this|that|our) will|contract|sale|agreement)(?: \\S+){0,3} valid',
    'get (?:my |the |our )?(?:money|deposit|land|house) back', 'go to jail', 'a crime',
  ],
  leisure: [
    'nau an', 'cach nau', 'nau mon', 'mon an', 'cong thuc nau', 'lam tho', 'bai tho', 'bai hat', 'xem phim', 'du lich', 'ke chuyen',
    'truyen cuoi', 'phim truyen hinh', 'recipe', 'poem', '(?:sing|good|new|favourite|favorite) songs?', 'a song (?:for|about)', 'joke', 'drama', 'movie', 'film', 'tv series',
  ],
};

/**
 * What makes a message about a topic a procedure after all (src/understand/scope.ts reads them in this order):
 * - `always`, in the whole message: the situation is a procedure whatever else is said;
 * - `refused`, in the whole message: someone refuses or a mediation failed, so none of the next two apply;
 * - `asked`, in what is asked: a procedure named (a complaint, a ward paper, a declaration);
 * - `story`, in the whole message: a situation that is a procedure unless refused.
 */
export interface ScopeException {
  always?: RegExp;
  refused?: RegExp;
  asked?: RegExp;
  story?: RegExp;
}

export const SCOPE_EXCEPTIONS: Readonly<Partial<Record<ScopeTopic, ScopeException>>> = {
  court: {
    // A land or boundary dispute is always mediated by the ward first.
    always: words('tranh chap (?:dat|ranh|nha dat)', 'ranh gioi', 'bo ranh', 'lan ranh', 'lan dat', 'chu tich (?:ubnd|uy ban)(?: \\S+){0,3} giai quyet'),
    refused: words('khong chiu', 'khong dong y', 'tranh gianh', 'khong thanh', 'khong hoa giai duoc'),
    // A complaint, a business licence (a karaoke bar), a report to the ward, a transfer asked about is a procedure.
    asked: words('khieu nai', 'to cao', 'kinh doanh', 'giay phep', 'phan anh', 'sang ten', 'them ten (?:vo|chong|toi|minh|em)'),
    // Heirs who agree certify their division, a mediation at the ward, a divorce abroad to record.
    story: words(
      '(?<!(?:khong|ko|chua|k) )chung thuc', 'khai nhan di san', 'thoa thuan phan chia', 'da thong nhat', 'ghi chu ly hon', 'ghi vao so ho tich',
      'hoa giai (?:o|tai) (?:xa|phuong)', '(?:xa|phuong) (?:co trach nhiem )?hoa giai',
    ),
  },
  // Complaining about, or denouncing, a traffic police decision is done through the catalogue's complaint procedures.
  traffic: { asked: words('khieu nai', 'to cao', 'complain', 'complaint') },
  rules: {
    // A procedure named: a criminal record certificate, a denunciation or complaint, a permit, social insurance paid
    // back, a tax refund.
    asked: words(
      'thu tuc', 'ho so', 'giay to', 'ke khai', 'khai bao', 'khai thue', 'khai o dau', 'nop o dau', 'lam o dau', 'xin phep',
      'dang ky', 'tro cap', 'huong', 'procedure', 'where do i', 'apply', 'ly lich tu phap', 'to cao', 'to giac',
      'khieu nai', 'phan anh', 'giay phep', 'bhxh', 'bao hiem xa hoi', 'hoan thue', 'le phi', 'report',
    ),
  },
  // A hospital's birth or death paper, an e-ID or a card used there, social insurance's sickness benefits, a pension
  // collected for a patient: the ward's procedures (or social insurance's, which the catalogue has).
  medical: {
    asked: words(
      'khai sinh', 'khai tu', 'bao tu', 'chung sinh', 'lam giay to', 'can cuoc', 'cccd', 'vneid', 'dinh danh', 'the bhyt',
      'the bao hiem y te', 'mat the', 'cap lai the', 'tam tru', 'thuong tru', 'bhxh', 'bao hiem xa hoi', 'om dau', 'nghi (?:cham )?con om', 'tien nghi con om',
      'thai san', 'uy quyen', 'linh thay', 'nhan thay', 'register (?:his|her|the|a|my) (?:death|birth)', 'birth certificate',
      'death certificate',
    ),
  },
  // A trip is often why a paper is needed, or when one was lost.
  leisure: { asked: words(...WARD_PAPERS, 'ho chieu', 'passport') },
  // A storm or a flood is often how papers were lost or soaked.
  weather: { asked: words(...WARD_PAPERS, 'so do', 'so hong', 'giay to', 'giay chung nhan', 'lam lai', 'cap lai', 'ho tro') },
  // Buying the household's health insurance, selling as a business are procedures.
  shopping: { asked: words('bhyt', 'bao hiem y te', 'bhxh', 'bao hiem xa hoi', 'kinh doanh') },
  education: { asked: words(...WARD_PAPERS) },
  abroad: { asked: words(...WARD_PAPERS, 'ho chieu', 'passport', 'nghia vu quan su', 'uy quyen', 'giay uy quyen') },
  labour: { asked: words(...WARD_PAPERS, 'uy quyen', 'linh thay') },
};

/** Topics that count only in the asking part: in the story they are often why a procedure is needed. */
export const SCOPE_ASKED_ONLY: ReadonlySet<ScopeTopic> = new Set(['banking', 'education', 'labour', 'abroad', 'rules']);
