// Vietnamese names of the knowledge, life-situation and ward-settings fields. The JSON Schema from the API carries structure, not
// words, so the form and the diff look the labels up here: `parent.key` first (number means different things in
// legalBasis and counters), then `key`, then the schema's own title, then the raw key.

const FIELD_LABELS: Record<string, string> = {
  id: 'Mã mục',
  codes: 'Mã thủ tục quốc gia',
  title: 'Tên thủ tục',
  vi: 'Tiếng Việt',
  en: 'Tiếng Anh',
  summary: 'Tóm tắt',
  aliases: 'Cách gọi khác',
  levels: 'Cấp thực hiện',
  field: 'Lĩnh vực',
  ministry: 'Bộ, ngành',
  decision: 'Quyết định công bố',
  agencies: 'Cơ quan',
  receiving: 'Nơi tiếp nhận',
  deciding: 'Cơ quan quyết định',
  coordinating: 'Cơ quan phối hợp',
  whoMayFile: 'Đối tượng thực hiện',
  channels: 'Cách thức thực hiện',
  kind: 'Hình thức',
  time: 'Thời hạn giải quyết',
  'time.value': 'Số ngày',
  'time.unit': 'Đơn vị (nếu không phải ngày)',
  fee: 'Phí, lệ phí',
  'fee.text': 'Mức phí (lời văn)',
  'fee.amountVnd': 'Số tiền (đồng)',
  description: 'Mô tả',
  documents: 'Thành phần hồ sơ',
  name: 'Tên',
  group: 'Nhóm giấy tờ',
  quantity: 'Số lượng',
  copy: 'Bản chính / bản sao',
  copies: 'Số bản sao',
  timeText: 'Thời hạn (nguyên văn)',
  case: 'Trường hợp',
  form: 'Mẫu đơn, tờ khai',
  note: 'Ghi chú',
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  result: 'Kết quả',
  legalBasis: 'Căn cứ pháp lý',
  'legalBasis.title': 'Tên văn bản',
  'legalBasis.number': 'Số hiệu',
  url: 'Đường dẫn Cổng dịch vụ công',
  raw: 'Văn bản gốc chưa tách',
  notes: 'Lưu ý cho người dân',
  legalTimeLimits: 'Thời hạn theo luật',
  'legalTimeLimits.kind': 'Loại thời hạn',
  'legalTimeLimits.text': 'Nội dung thời hạn',
  basis: 'Căn cứ (luật, điều)',
  'basis.title': 'Tên văn bản',
  'basis.number': 'Số hiệu',
  article: 'Điều, khoản',
  reviewed: 'Cán bộ đã duyệt bản dịch',
  fees: 'Phí, lệ phí (theo thứ tự cách thức thực hiện)',
  status: 'Trạng thái',
  verified: 'Đã kiểm tra',
  updatedAt: 'Ngày cập nhật',
  reviewedBy: 'Người rà soát',
  // Life situations
  intro: 'Câu mở đầu danh sách',
  triggers: 'Cách người dân nói về tình huống',
  procedures: 'Các thủ tục gợi ý (thường gặp trước)',
  'procedures.id': 'Mã thủ tục',
  when: 'Khi nào cần',
  // Ward settings
  example: 'Đây là dữ liệu ví dụ (chưa phải thông tin thật)',
  wardName: 'Tên phường',
  address: 'Địa chỉ',
  openingHours: 'Giờ làm việc',
  days: 'Ngày',
  hours: 'Giờ',
  counters: 'Quầy tiếp nhận',
  'counters.number': 'Số quầy',
  'counters.name': 'Tên quầy',
  'counters.fields': 'Lĩnh vực phụ trách',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  website: 'Trang web',
  speechVoice: 'Giọng đọc của máy (ki-ốt)',
};

const ENUM_LABELS: Record<string, string> = {
  north: 'Miền Bắc',
  central: 'Miền Trung',
  south: 'Miền Nam',
  'truc-tiep': 'Trực tiếp',
  'truc-tuyen': 'Trực tuyến',
  'buu-chinh': 'Bưu chính',
  original: 'Bản chính',
  'original-or-copy': 'Bản chính hoặc bản sao',
  'original-and-copy': 'Bản chính và bản sao',
  published: 'Đã xuất bản',
  draft: 'Nháp',
  xã: 'Cấp xã',
  tỉnh: 'Cấp tỉnh',
  bộ: 'Cấp bộ',
  khác: 'Khác',
  deadline: 'Người dân phải làm trong thời hạn',
  processing: 'Cơ quan phải giải quyết trong thời hạn',
};
// `copy` is also a field name; the enum value gets its own entry.
const ENUM_VALUE_COPY = 'Bản sao';

// Fields whose text is usually a sentence or more: a textarea rather than a one-line input.
const LONG_TEXT = new Set(['summary.vi', 'summary.en', 'text.vi', 'text.en', 'fees', 'description', 'note', 'notes', 'steps', 'conditions', 'address', 'fee.text', 'raw']);

/** The label of a field from its object keys (array indices skipped), e.g. ['channels', 'fee', 'text']. */
export function labelField(keys: readonly string[], schemaTitle?: string): string {
  const named = keys.filter((k) => !/^\d+$/.test(k));
  const key = named.at(-1);
  if (key === undefined) return schemaTitle ?? '';
  const parent = named.at(-2);
  return (parent !== undefined ? FIELD_LABELS[`${parent}.${key}`] : undefined) ?? FIELD_LABELS[key] ?? schemaTitle ?? key;
}

/** A readable path for a diff row: `channels.0.fee.text` → `Cách thức thực hiện › 1 › Phí, lệ phí › Mức phí (lời văn)`. */
export function labelPath(path: string | readonly (string | number)[]): string {
  const keys = (Array.isArray(path) ? path.map(String) : splitPath(String(path)));
  const parts: string[] = [];
  keys.forEach((key, index) => {
    if (/^\d+$/.test(key)) parts.push(String(Number(key) + 1));
    else parts.push(labelField(keys.slice(0, index + 1)));
  });
  return parts.join(' › ');
}

/** `content.channels[0].fee.text` or `channels.0.fee.text` → ['channels', '0', 'fee', 'text']. */
export function splitPath(path: string): string[] {
  // `(root)` is how the API names an error about the whole content.
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((k) => k !== '' && k !== '(root)');
  return keys[0] === 'content' ? keys.slice(1) : keys;
}

/** The label of an enum value. */
export function labelEnum(value: unknown): string {
  if (value === 'copy') return ENUM_VALUE_COPY;
  return ENUM_LABELS[String(value)] ?? String(value);
}

/** True when a text field of this path usually holds a sentence or more. */
export function isLongText(keys: readonly string[]): boolean {
  const named = keys.filter((k) => !/^\d+$/.test(k));
  const key = named.at(-1) ?? '';
  const parent = named.at(-2);
  return LONG_TEXT.has(key) || (parent !== undefined && (LONG_TEXT.has(`${parent}.${key}`) || LONG_TEXT.has(parent)));
}
