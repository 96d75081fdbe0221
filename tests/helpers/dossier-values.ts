/** Values of a valid birth registration (to-khai-khai-sinh) as POST /api/dossiers takes them. */
export function buildBirthDossierValues(): Record<string, string> {
  return {
    kinh_gui: 'Ủy ban nhân dân phường Cửa Nam',
    'nguoi_yeu_cau.ho_ten': 'Nguyễn Văn An',
    'nguoi_yeu_cau.noi_cu_tru': 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội',
    'nguoi_yeu_cau.so_dinh_danh': '001090012345',
    'nguoi_yeu_cau.ngay_cap': '10/05/2021',
    'nguoi_yeu_cau.noi_cap': 'Cục Cảnh sát QLHC về TTXH',
    'nguoi_yeu_cau.quan_he': 'Cha',
    'tre.ho_ten': 'Nguyễn Minh Khôi',
    'tre.ngay_sinh': '12/03/2024',
    'tre.noi_sinh': 'Bệnh viện Phụ sản Hà Nội',
    'tre.gioi_tinh': 'nam',
    'tre.dan_toc': 'Kinh',
    'tre.quoc_tich': 'Việt Nam',
    'tre.que_quan': 'Nam Định',
    'me.ho_ten': 'Trần Thị Bình',
    'me.nam_sinh': '1992',
    'me.dan_toc': 'Kinh',
    'me.quoc_tich': 'Việt Nam',
    'me.noi_cu_tru': 'Số 5 phố Hàng Bài, phường Cửa Nam, Hà Nội',
  };
}
