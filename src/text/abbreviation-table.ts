/**
 * Chat spellings and abbreviations citizens use, as normalized token → normalized expansion (canonical tone
 * placement, lower case). A key is matched only as a whole token.
 *
 * Deliberately left out: "a" (anh / ạ / à / English "a") and "e" (em / licence class E) are too ambiguous and carry
 * no retrieval value; "dt" (điện thoại / diện tích), "hs" (hồ sơ / học sinh), "tt" (thủ tục / tạm trú / thông tin),
 * "kh" (không / khách hàng / kế hoạch), "hn" (Hà Nội / hôm nay), "ks" (khai sinh / khách sạn).
 * Kept though ambiguous, because the ward-office reading wins: "hk" (hộ khẩu, also chat "không"), "bn" (bao
 * nhiêu, also "bạn"), "mk" (mình, also "mật khẩu"), "đc" (được, also "địa chỉ").
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // đăng ký and its compounds
  đk: 'đăng ký',
  dk: 'đăng ký',
  đky: 'đăng ký',
  dky: 'đăng ký',
  đkkh: 'đăng ký kết hôn',
  dkkh: 'đăng ký kết hôn',
  đkks: 'đăng ký khai sinh',
  dkks: 'đăng ký khai sinh',
  đkkd: 'đăng ký kinh doanh',
  dkkd: 'đăng ký kinh doanh',
  // identity and civil status papers
  cccd: 'căn cước công dân',
  cmnd: 'chứng minh nhân dân',
  cmt: 'chứng minh thư',
  cmtnd: 'chứng minh thư nhân dân',
  gks: 'giấy khai sinh',
  hk: 'hộ khẩu',
  gcn: 'giấy chứng nhận',
  gxn: 'giấy xác nhận',
  xn: 'xác nhận',
  lltp: 'lý lịch tư pháp',
  gplx: 'giấy phép lái xe',
  // land, construction, business, tax
  qsdđ: 'quyền sử dụng đất',
  qsdd: 'quyền sử dụng đất',
  gcnqsdđ: 'giấy chứng nhận quyền sử dụng đất',
  gcnqsdd: 'giấy chứng nhận quyền sử dụng đất',
  gpxd: 'giấy phép xây dựng',
  bđs: 'bất động sản',
  bds: 'bất động sản',
  hkd: 'hộ kinh doanh',
  kd: 'kinh doanh',
  hđ: 'hợp đồng',
  hđmb: 'hợp đồng mua bán',
  hdmb: 'hợp đồng mua bán',
  gpkd: 'giấy phép kinh doanh',
  mst: 'mã số thuế',
  cty: 'công ty',
  hđlđ: 'hợp đồng lao động',
  hdld: 'hợp đồng lao động',
  pccc: 'phòng cháy chữa cháy',
  // insurance, military service
  bhyt: 'bảo hiểm y tế',
  bhxh: 'bảo hiểm xã hội',
  bhtn: 'bảo hiểm thất nghiệp',
  nvqs: 'nghĩa vụ quân sự',
  // authorities and places
  ubnd: 'ủy ban nhân dân',
  ub: 'ủy ban',
  hđnd: 'hội đồng nhân dân',
  hdnd: 'hội đồng nhân dân',
  tthc: 'thủ tục hành chính',
  dvc: 'dịch vụ công',
  tk: 'tài khoản',
  tp: 'thành phố',
  tphcm: 'thành phố hồ chí minh',
  hcm: 'hồ chí minh',
  vn: 'việt nam',
  // contact
  sdt: 'số điện thoại',
  sđt: 'số điện thoại',
  đt: 'điện thoại',
  // không and friends
  ko: 'không',
  k: 'không',
  kg: 'không',
  hok: 'không',
  khg: 'không',
  khong: 'không',
  kp: 'không phải',
  // family and pronouns
  vk: 'vợ',
  ck: 'chồng',
  mk: 'mình',
  mik: 'mình',
  ng: 'người',
  // chat spellings of function words
  dc: 'được',
  đc: 'được',
  j: 'gì',
  ntn: 'như thế nào',
  bn: 'bao nhiêu',
  nhiu: 'nhiêu',
  bg: 'bao giờ',
  vs: 'với',
  r: 'rồi',
  ms: 'mới',
  cx: 'cũng',
  lm: 'làm',
  ns: 'nói',
  bik: 'biết',
  wa: 'qua',
  thui: 'thôi',
  nhg: 'nhưng',
  đag: 'đang',
  dag: 'đang',
  trc: 'trước',
};

/** Keys that, right after a number, are units rather than "không": "50 k" (50 nghìn), "5 kg". */
export const UNIT_LIKE_ABBREVIATIONS: ReadonlySet<string> = new Set(['k', 'kg']);
