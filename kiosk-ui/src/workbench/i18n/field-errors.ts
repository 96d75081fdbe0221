// The API passes schema messages through as the validation library wrote them (English). Officials read
// Vietnamese, so the common ones are put in plain Vietnamese here; anything else is shown as the API sent it.

const RULES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'Không được để trống.'],
  [/^Too small: expected string to have >=(\d+) characters?$/, (m) => `Cần ít nhất ${m[1]} ký tự.`],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `Tối đa ${m[1]} ký tự.`],
  [/^Too small: expected array to have >=(\d+) items?$/, (m) => `Cần ít nhất ${m[1]} mục.`],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, (m) => `Phải từ ${m[1]} trở lên.`],
  [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => `Phải lớn hơn ${m[1]}.`],
  [/^Invalid input: expected \w+, received undefined$/, () => 'Cần nhập mục này.'],
  [/^Invalid input: expected int, received number$/, () => 'Cần một số nguyên (không có phần lẻ).'],
  [/^Invalid input: expected number, received \w+$/, () => 'Cần nhập một con số.'],
  [/^Invalid input: expected string, received \w+$/, () => 'Cần nhập chữ.'],
  [/^Invalid option: expected one of/, () => 'Hãy chọn một giá trị trong danh sách.'],
  [/^Invalid URL$/i, () => 'Đường dẫn chưa đúng (cần dạng https://…).'],
  [/^Invalid ISO date$/, () => 'Ngày chưa đúng (dạng năm-tháng-ngày).'],
  [/^Invalid string: must match pattern/, () => 'Chưa đúng định dạng.'],
  [/^Unrecognized keys?: (.+)$/, (m) => `Trường không được phép: ${m[1]}.`],
  [/^unknown field\(s\): (.+)$/, (m) => `Trường không được phép: ${m[1]}.`],
  [/^needs at least (\d+) aliases, has (\d+)$/, (m) => `Cần ít nhất ${m[1]} cách gọi khác (đang có ${m[2]}).`],
  [/^a curated entry needs an English title$/, () => 'Thủ tục đã biên soạn cần có tên tiếng Anh.'],
  [/^a curated entry needs an English summary$/, () => 'Thủ tục đã biên soạn cần có tóm tắt tiếng Anh.'],
  [/^a curated entry needs a Vietnamese summary$/, () => 'Thủ tục đã biên soạn cần có tóm tắt tiếng Việt.'],
  [/^a verified entry must cite a national code or a legal basis$/, () => 'Mục “đã kiểm tra” phải có mã thủ tục quốc gia hoặc căn cứ pháp lý.'],
  [/^expected a national code such as/, () => 'Mã thủ tục quốc gia có dạng 1.001193.'],
];

/** A field error from the API in plain Vietnamese when it is one of the usual schema messages. */
export function humanizeFieldError(message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}
