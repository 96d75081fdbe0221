/*
 * Word lists for telling Vietnamese written without marks from English. All folded, lower case.
 * A word that is common in both languages once folded is in neither list: "do" (do/đó/đỏ), "to" (tờ/to), "so"
 * (số/sổ), "can" (cần/căn), "the" (thẻ), "me" (mẹ), "an" (ăn), "in", "on" (ơn), "it" (ít), "be" (bé), "no" (nợ),
 * "may" (máy), "ban" (bạn/bán), "long" (lòng), "ten" (tên), "a", "online".
 */

/** Very common Vietnamese syllables as written without marks. */
export const VIETNAMESE_SYLLABLES: ReadonlySet<string> = new Set([
  'thu', 'tuc', 'lam', 'cho', 'dang', 'ky', 'giay', 'cua', 'toi', 'khong', 'bao', 'nhieu', 'dau', 'nhu', 'nao',
  'muon', 'gi', 'duoc', 'co', 'la', 've', 'ho', 'khau', 'tam', 'tru', 'vang', 'khai', 'sinh', 'ket', 'hon', 'xin',
  'hoi', 'vay', 'nhe', 'nhi', 'o', 'oi', 'giup', 'em', 'anh', 'chi', 'minh', 'phuong', 'xa', 'quan', 'huyen',
  'tinh', 'cuoc', 'cong', 'dan', 'nhan', 'lan', 'phi', 'mat', 'lau', 'nop', 'sao', 'nha', 'dat', 'xe', 'con', 'vo',
  'chong', 'cha', 'doi', 'cap', 'lai', 'moi', 'cu', 'mot', 'hai', 'ba', 'bon', 'nam', 'thang', 'ngay', 'gio',
  'tien', 'hiem', 'te', 'tre', 'nguoi', 'nuoc', 'ngoai', 'viet', 'thuong', 'chung', 'thuc', 'chep', 'kinh',
  'doanh', 'thue', 'phong', 'tro', 'chu', 'dia', 'dien', 'thoai', 'truc', 'tuyen', 'va', 'voi', 'khi', 'neu',
  'thi', 'nay', 'roi', 'chua', 'da', 'se', 'phai', 'bi', 'mang', 'theo', 'huong', 'xac', 'trang', 'phep', 'xay',
  'dung', 'sua', 'quyen', 'su', 'ly', 'lich', 'tu', 'phap', 'nghia', 'vu', 'ong', 'bac', 'uy', 'hay', 'dong',
  'nhung', 'ma', 'cung', 'rat', 'biet', 'bang', 'hieu', 'luc', 'giao', 'duc', 'truong', 'hoc', 'benh',
  'vien', 'thoi', 'han', 'het', 'sang', 'chuyen', 'tach', 'nhap', 'bo', 'sung', 'y', 'chinh', 'thong', 'tin',
  'qua', 'di', 'den', 'tai', 'duong', 'hem', 'ngo', 'khu', 'pho',
  'cccd', 'cmnd', 'ubnd', 'bhyt', 'bhxh', 'vneid', 'dk', 'ko', 'dc', 'ntn', 'sdt',
]);

/** Vietnamese word pairs and triples (folded, space-joined); a match also hides its words from the English list. */
export const VIETNAMESE_PHRASES: ReadonlySet<string> = new Set([
  'thu tuc', 'dang ky', 'bao nhieu', 'o dau', 'nhu the nao', 'the nao', 'lam sao', 'giay to', 'can cuoc',
  'tam tru', 'tam vang', 'thuong tru', 'ho khau', 'khai sinh', 'ket hon', 'khai tu', 'so do', 'so hong', 'cho hoi',
  'xin hoi', 'toi muon', 'can gi', 'la gi', 'bao lau', 'the bao hiem', 'can lam', 'to khai', 'ban sao', 'chung thuc',
  'can nhung', 'mat bao', 'co can',
]);

/** Very common English words that do not fold into a common Vietnamese syllable. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'the', 'how', 'what', 'where', 'when', 'why', 'which', 'who', 'whom', 'whose', 'i', 'my', 'mine', 'you', 'your',
  'we', 'our', 'they', 'their', 'he', 'she', 'his', 'her', 'its', 'is', 'are', 'was', 'were', 'been', 'being',
  'am', 'does', 'did', 'done', 'have', 'has', 'had', 'need', 'needs', 'needed', 'register', 'registration',
  'registered', 'want', 'wants', 'would', 'could', 'should', 'will', 'must', 'please', 'hello', 'hi', 'thanks',
  'thank', 'and', 'or', 'of', 'for', 'from', 'with', 'without', 'about', 'into', 'at', 'by', 'this', 'that',
  'these', 'those', 'there', 'here', 'if', 'not', 'yes', 'get', 'got', 'apply', 'application', 'certificate',
  'birth', 'marriage', 'married', 'marry', 'divorce', 'death', 'residence', 'resident', 'temporary', 'permanent',
  'household', 'room', 'renting', 'rent', 'rental', 'landlord', 'card', 'id', 'identity', 'citizen', 'fee',
  'fees', 'cost', 'office', 'ward', 'help', 'document', 'documents', 'paper', 'papers', 'form', 'forms',
  'passport', 'visa', 'foreigner', 'foreign', 'address', 'change', 'house', 'land', 'business', 'tax',
  'insurance', 'health', 'social', 'child', 'children', 'baby', 'born', 'police', 'copy', 'certify', 'certified',
  'work', 'permit', 'open', 'hours', 'time', 'much', 'many', 'new', 'lost', 'take', 'submit', 'also', 'just',
  'some', 'any', 'all', 'than', 'then', 'as', 'up', 'out', 'after', 'before', 'because', 'still', 'only', 'very',
  'more', 'know', 'tell', 'find', 'make', 'go', 'come', 'see', 'look', 'use', 'year', 'years', 'day', 'days',
  'week', 'month', 'months', 'person', 'people', 'name', 'number', 'phone', 'email', 'wife', 'husband', 'son',
  'daughter', 'mother', 'father', 'parents', 'family', 'home', 'street', 'city', 'district', 'province',
  'english', 'speak', 'apartment', 'building', 'license', 'licence', 'driver', 'driving', 'bank', 'account',
  'money', 'pay', 'payment', 'receive', 'status', 'check', 'process', 'procedure', 'procedures', 'required',
  'require', 'requirements', 'legal', 'notarize', 'notary', 'translation', 'sign', 'signature', 'photo',
  'appointment', 'wait', 'ticket',
]);
