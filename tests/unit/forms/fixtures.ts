/**
 * Valid dossier values for each form, built fresh per test and overridable by dot path. "Today" in these tests is
 * 23/11/2026 in Asia/Ho_Chi_Minh.
 */
export const TODAY = new Date('2026-11-23T03:00:00Z');

type Values = Record<string, unknown>;

function build(base: Values, overrides: Values): Values {
  const values: Values = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  return values;
}

const REQUESTER: Values = {
  kinh_gui: 'Ủy ban nhân dân phường Hoàn Kiếm',
  'nguoi_yeu_cau.ho_ten': 'nguyễn văn  an',
  'nguoi_yeu_cau.noi_cu_tru': 'Số 1 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
  'nguoi_yeu_cau.loai_giay_to': 'CCCD',
  'nguoi_yeu_cau.so_dinh_danh': '001 090 012 345',
  'nguoi_yeu_cau.ngay_cap': '10/5/2021',
  'nguoi_yeu_cau.noi_cap': 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
};

/** A complete birth registration: father declares his daughter born 12/3/2026. */
export function buildKhaiSinh(overrides: Values = {}): Values {
  return build(
    {
      ...REQUESTER,
      'nguoi_yeu_cau.quan_he': 'Cha',
      'tre.ho_ten': 'nguyễn thị  hoa',
      'tre.ngay_sinh': '12/3/2026',
      'tre.noi_sinh': 'Bệnh viện Phụ sản Hà Nội',
      'tre.gioi_tinh': 'nữ',
      'tre.dan_toc': 'Kinh',
      'tre.quoc_tich': 'Việt Nam',
      'tre.que_quan': 'Nam Định',
      'me.ho_ten': 'Trần Thị Bình',
      'me.nam_sinh': '1992',
      'me.dan_toc': 'Kinh',
      'me.quoc_tich': 'Việt Nam',
      'me.noi_cu_tru': 'Số 1 phố Hàng Bạc, Hà Nội',
      'cha.ho_ten': 'Nguyễn Văn An',
      'cha.nam_sinh': 1990,
      'cha.dan_toc': 'Kinh',
      'cha.quoc_tich': 'Việt Nam',
      'cha.noi_cu_tru': 'Số 1 phố Hàng Bạc, Hà Nội',
      noi_khai: 'Phường Hoàn Kiếm, Hà Nội',
      ngay_khai: '20/03/2026',
    },
    overrides,
  );
}

/** A complete death registration for an elder who only ever had a 9-digit CMND. */
export function buildKhaiTu(overrides: Values = {}): Values {
  return build(
    {
      ...REQUESTER,
      'nguoi_yeu_cau.quan_he': 'Con',
      'nguoi_chet.ho_ten': 'Nguyễn Văn Bảy',
      'nguoi_chet.ngay_sinh': '01/02/1930',
      'nguoi_chet.gioi_tinh': 'Nam',
      'nguoi_chet.dan_toc': 'Kinh',
      'nguoi_chet.quoc_tich': 'Việt Nam',
      'nguoi_chet.noi_cu_tru_cuoi_cung': 'Số 1 phố Hàng Bạc, Hà Nội',
      'nguoi_chet.so_dinh_danh': '012345678',
      'nguoi_chet.gio_chet': '14:30',
      'nguoi_chet.ngay_chet': '15/11/2026',
      'nguoi_chet.noi_chet': 'Tại nhà riêng',
      'nguoi_chet.nguyen_nhan_chet': 'Già yếu',
      'giay_bao_tu.so': '123/GBT',
      'giay_bao_tu.co_quan_cap': 'Trạm y tế phường Hoàn Kiếm',
      'giay_bao_tu.ngay_cap': '16/11/2026',
      ngay_khai: 'hôm nay',
    },
    overrides,
  );
}

/** A complete joint marriage declaration, nested the way a JSON client sends it. */
export function buildKetHon(overrides: Values = {}): Values {
  return build(
    {
      kinh_gui: 'Ủy ban nhân dân phường Hoàn Kiếm',
      ben_nu: {
        ho_ten: 'trần thị bình',
        ngay_sinh: '01/01/2000',
        dan_toc: 'Kinh',
        quoc_tich: 'Việt Nam',
        noi_cu_tru: 'Hà Nội',
        so_dinh_danh: '001300012345',
        ket_hon_lan_thu: 1,
      },
      ben_nam: {
        ho_ten: 'lê văn cường',
        ngay_sinh: '15/06/1998',
        dan_toc: 'Kinh',
        quoc_tich: 'Việt Nam',
        noi_cu_tru: 'Hà Nội',
        so_dinh_danh: '001098012345',
        ket_hon_lan_thu: '1',
      },
    },
    overrides,
  );
}

/** A CT01 for permanent registration of a couple's son into their household. */
export function buildCt01(overrides: Values = {}): Values {
  return build(
    {
      kinh_gui: 'Công an phường Hoàn Kiếm',
      'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An',
      'nguoi_yeu_cau.ngay_sinh': '12/3/1990',
      'nguoi_yeu_cau.gioi_tinh': 'nam',
      'nguoi_yeu_cau.so_dinh_danh': '001090012345',
      'nguoi_yeu_cau.dien_thoai': '+84 912 345 678',
      'nguoi_yeu_cau.email': 'An.Nguyen@Example.VN',
      'chu_ho.ho_ten': 'Nguyễn Văn An',
      'nguoi_yeu_cau.quan_he_chu_ho': 'Chủ hộ',
      'chu_ho.so_dinh_danh': '001090012345',
      noi_dung_de_nghi: 'Đăng ký thường trú cho con vào hộ tại số 1 phố Hàng Bạc',
      thanh_vien: [{ ho_ten: 'nguyễn minh khôi', ngay_sinh: '05/09/2020', gioi_tinh: 'trai', quan_he_chu_ho: 'Con' }],
    },
    overrides,
  );
}

/** A request for two copies of a birth extract of the requester's late father (old CMND). */
export function buildBanSao(overrides: Values = {}): Values {
  return build(
    {
      ...REQUESTER,
      'nguoi_yeu_cau.quan_he': 'Con',
      'nguoi_duoc_cap.ho_ten': 'Nguyễn Văn Bảy',
      'nguoi_duoc_cap.ngay_sinh': '01/02/1930',
      'nguoi_duoc_cap.so_dinh_danh': '012.345.678',
      'trich_luc.loai': 'khai sinh',
      'trich_luc.noi_dang_ky': 'Ủy ban hành chính xã Yên Bằng',
      'trich_luc.ngay_dang_ky': '10/03/1930',
      'trich_luc.so_dang_ky': '45',
      so_ban_sao: 2,
      muc_dich: 'Bổ sung hồ sơ thừa kế',
    },
    overrides,
  );
}
