/**
 * Scripted citizens for the pre-filling dialogue: one typed and one with the ID card's QR code per form. Each line
 * is what the citizen sends after reading the previous question; the bench (and a unit test) drives the dialogue
 * with them and counts the answering turns, consent and the final "đúng" included.
 */
export interface FormScenario {
  formId: string;
  name: string;
  /** What the ward settings fill in (a ward with real settings; the example settings fill only the date). */
  prefill: Record<string, string>;
  messages: string[];
  /** The most answering turns the issue allows, when it sets a target. */
  target?: number;
}

/** The bench's fixed "today" (Asia/Ho_Chi_Minh). */
export const BENCH_TODAY = new Date('2026-12-04T03:00:00Z');

const WARD = { kinh_gui: 'Ủy ban nhân dân phường Cửa Nam', noi_khai: 'Phường Cửa Nam, Hà Nội', ngay_khai: '2026-12-04' };
const POLICE = { ...WARD, kinh_gui: 'Công an phường Cửa Nam' };

/** A CCCD QR string as a USB scanner types it: `số|CMND cũ|họ tên|ddmmyyyy|giới tính|địa chỉ|ddmmyyyy`. */
export const qr = (id: string, name: string, birth: string, gender: string, address: string, issued = '10052021') =>
  `${id}||${name}|${birth}|${gender}|${address}|${issued}`;

const AN = qr('001090012345', 'Nguyễn Văn An', '15031990', 'Nam', '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội');
const HOA = qr('001195012345', 'Lê Thị Hoa', '05061995', 'Nữ', '8 Hàng Trống, phường Hoàn Kiếm, Hà Nội');
const NAM = qr('001093012345', 'Trần Văn Nam', '01021993', 'Nam', '20 Tràng Thi, phường Cửa Nam, Hà Nội');
const BICH = qr('001185023456', 'Trần Thị Bích', '20071985', 'Nữ', '5 Hàng Bông, phường Hoàn Kiếm, Hà Nội');
const DUC = qr('001085034567', 'Phạm Văn Đức', '02091985', 'Nam', '30 Hai Bà Trưng, phường Cửa Nam, Hà Nội');

export const FORM_SCENARIOS: readonly FormScenario[] = [
  {
    formId: 'to-khai-khai-sinh',
    name: 'typed',
    prefill: WARD,
    target: 12,
    messages: [
      'đồng ý',
      'Nguyễn Văn An, 001090012345, bố, ở 12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
      'đúng, sinh năm 1990, Kinh, Việt Nam',
      'bé tên Nguyễn Minh Khôi, nam, sinh 12/11/2026 ở BV Phụ sản Hà Nội, dân tộc Kinh, quốc tịch Việt Nam, quê Nam Định',
      'Lê Thị Hoa, 1992, Kinh, Việt Nam, cùng địa chỉ',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-khai-sinh',
    name: 'typed, one item a line',
    prefill: WARD,
    target: 12,
    messages: [
      'đồng ý',
      'Nguyễn Văn An\n12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội\n001090012345\nbố',
      'đúng',
      '1990\nKinh\nViệt Nam',
      'Nguyễn Minh Khôi\n12/11/2026\nBV Phụ sản Hà Nội\nnam\nKinh\nViệt Nam\nNam Định',
      'Lê Thị Hoa\n1992\nKinh\nViệt Nam\n12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-khai-sinh',
    name: 'QR',
    prefill: WARD,
    target: 8,
    messages: [
      'đồng ý',
      AN,
      'bố',
      'đúng, Kinh, Việt Nam',
      'bé tên Nguyễn Minh Khôi, nam, sinh 12/11/2026 ở BV Phụ sản Hà Nội, dân tộc Kinh, quốc tịch Việt Nam, quê Nam Định',
      'mẹ là Lê Thị Hoa, sinh năm 1992, dân tộc Kinh, quốc tịch Việt Nam, cùng địa chỉ',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-khai-tu',
    name: 'typed',
    prefill: WARD,
    messages: [
      'đồng ý',
      'Trần Thị Bích, 001185023456, con, ở 5 Hàng Bông, phường Hoàn Kiếm, Hà Nội',
      'Trần Văn Bình, nam, sinh 3/4/1940, dân tộc Kinh, quốc tịch Việt Nam, CMND 012345678, cư trú cuối cùng ở 5 Hàng Bông, phường Hoàn Kiếm, Hà Nội',
      'mất ngày 1/12/2026, lúc 14:30, mất tại nhà, 5 Hàng Bông, Hà Nội, nguyên nhân tuổi cao',
      'số 123/GBT, Trạm y tế phường Hoàn Kiếm, cấp ngày 2/12/2026',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-khai-tu',
    name: 'QR',
    prefill: WARD,
    messages: [
      'đồng ý',
      BICH,
      'con',
      'Trần Văn Bình, nam, sinh 3/4/1940, dân tộc Kinh, quốc tịch Việt Nam, CMND 012345678, cư trú cuối cùng ở 5 Hàng Bông, phường Hoàn Kiếm, Hà Nội',
      'mất ngày 1/12/2026, lúc 14:30, mất tại nhà, 5 Hàng Bông, Hà Nội, nguyên nhân tuổi cao',
      'bỏ qua',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-ket-hon',
    name: 'typed',
    prefill: WARD,
    messages: [
      'đồng ý',
      'Lê Thị Hoa, sinh 5/6/1995, Kinh, Việt Nam, CCCD 001195012345, kết hôn lần thứ 1, ở 8 Hàng Trống, phường Hoàn Kiếm, Hà Nội',
      'Trần Văn Nam, sinh 1/2/1993, Kinh, Việt Nam, CCCD 001093012345, kết hôn lần thứ 1, ở 20 Tràng Thi, phường Cửa Nam, Hà Nội',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-ket-hon',
    name: 'QR',
    prefill: WARD,
    messages: ['đồng ý', HOA, 'Kinh, Việt Nam, lần thứ 1', NAM, 'Kinh, Việt Nam, lần thứ 1', 'đúng'],
  },
  {
    formId: 'ct01-thay-doi-cu-tru',
    name: 'typed',
    prefill: POLICE,
    messages: [
      'đồng ý',
      'Phạm Văn Đức, sinh 2/9/1985, nam, 001085034567, điện thoại 0912345678, chủ hộ',
      'đúng',
      'Đăng ký thường trú cho con mới sinh vào hộ',
      'Phạm Minh Anh, sinh 1/12/2026, nữ, con',
      'đúng',
    ],
  },
  {
    formId: 'ct01-thay-doi-cu-tru',
    name: 'QR',
    prefill: POLICE,
    messages: ['đồng ý', DUC, 'chủ hộ, 0912345678', 'đúng', 'Đăng ký thường trú cho con mới sinh vào hộ', 'Phạm Minh Anh, sinh 1/12/2026, nữ, con', 'đúng'],
  },
  {
    formId: 'to-khai-cap-ban-sao-trich-luc',
    name: 'typed',
    prefill: WARD,
    messages: [
      'đồng ý',
      'Nguyễn Văn An, 001090012345, chính tôi, ở 12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
      'đúng, sinh 15/3/1990',
      'khai sinh, UBND phường Cửa Nam, đăng ký ngày 20/3/1990',
      '2 bản, để bổ sung hồ sơ',
      'đúng',
    ],
  },
  {
    formId: 'to-khai-cap-ban-sao-trich-luc',
    name: 'QR',
    prefill: WARD,
    messages: ['đồng ý', AN, 'chính tôi', 'đúng', 'khai sinh, UBND phường Cửa Nam, đăng ký ngày 20/3/1990', '2 bản, để bổ sung hồ sơ', 'đúng'],
  },
];
