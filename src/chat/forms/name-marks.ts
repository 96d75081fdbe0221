/**
 * A name typed without marks ("Tran Minh Khoi") is asked back once with its likely marks ("Trần Minh Khôi"): the
 * printed form must match the citizen's papers, and only the citizen knows them. The table holds the most common
 * reading of frequent family, middle and given names; a syllable it does not know is kept as typed, and when no
 * syllable changes (a foreign name) nothing is asked (docs/protocol.md).
 */
const COMMON_SYLLABLES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'Nguyễn Trần Lê Phạm Hoàng Huỳnh Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Trương Lâm Lương Tạ Quách Đào Đoàn ' +
    'Thị Văn Đức Ngọc Hữu Xuân Hồng Bảo Tuấn Hùng Dũng Hương Phương Thảo Hạnh Huyền Quân Khánh Đạt Phúc Hiếu Tùng ' +
    'Tâm Thủy Yến Ngân Hằng Châu Bình Cường Thắng Việt Nhật Quý Tiến Toàn Trí Uyên Hiền Lộc Đông Hoài Thương Diệp ' +
    'Tuyết Diệu Quỳnh Thơ Tú Công Thái Trọng Tường Khôi Khải Đại Bạch Liễu Đàm Mạc Kiều Tô Vương Nghĩa Hậu Tài ' +
    'Thuận Huệ Hưng Đăng Sơn Hải Hà Tư Thư Trâm Nhàn Nhân Thiện Thịnh Thành Quốc Khương Cẩm Lụa Loan Ánh Hân Hòa'
  )
    .split(' ')
    .map((syllable) => [fold(syllable), syllable]),
);

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** True when the text has letters and none of them carries a Vietnamese mark. */
export function lacksMarks(text: string): boolean {
  return /[a-z]/i.test(text) && !/[^\x00-\x7F]/.test(text);
}

/** The name with its likely marks, or undefined when the table changes nothing. */
export function proposeMarks(name: string): string | undefined {
  if (!lacksMarks(name)) return undefined;
  const words = name.split(' ');
  const marked = words.map((word) => COMMON_SYLLABLES[word.toLowerCase()] ?? word);
  const proposal = marked.join(' ');
  return proposal === name ? undefined : proposal;
}
