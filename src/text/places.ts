import { foldDiacritics, hasDiacritics } from './fold.js';
import { normalizeText } from './normalize-text.js';

/*
 * Where the citizen lives or comes from ("ở Bắc Ninh", "phường Cầu Giấy", "quê Nghệ An") says nothing about which
 * procedure is asked, but its syllables collide with words that do: "Bắc" is "bác" (uncle) in an adoption title,
 * "Cầu Giấy" holds "giấy", "Hoàng Mai" "mai" (mai táng). Retrieval reads a message without them (docs/understanding.md).
 * Names are written with their marks: a word typed with marks must match them ("hai phòng" is two rooms, not Hải
 * Phòng), a word typed without is compared folded — except for names whose folded form is also a common phrase.
 */
const PLACES = [
  // Provinces and centrally-run cities, before and after the 2025 merger.
  'hà nội', 'hồ chí minh', 'sài gòn', 'đà nẵng', 'hải phòng', 'cần thơ', 'thừa thiên huế', 'an giang', 'bà rịa vũng tàu',
  'bà rịa', 'vũng tàu', 'bắc giang', 'bắc kạn', 'bạc liêu', 'bắc ninh', 'bến tre', 'bình định', 'bình dương', 'bình phước',
  'bình thuận', 'cà mau', 'cao bằng', 'đắk lắk', 'đắk nông', 'điện biên', 'đồng nai', 'đồng tháp', 'gia lai', 'hà giang',
  'hà nam', 'hà tĩnh', 'hải dương', 'hậu giang', 'hòa bình', 'hưng yên', 'khánh hòa', 'kiên giang', 'kon tum', 'lai châu',
  'lâm đồng', 'lạng sơn', 'lào cai', 'long an', 'nam định', 'nghệ an', 'ninh bình', 'ninh thuận', 'phú thọ', 'phú yên',
  'quảng bình', 'quảng nam', 'quảng ngãi', 'quảng ninh', 'quảng trị', 'sóc trăng', 'sơn la', 'tây ninh', 'thái bình',
  'thái nguyên', 'thanh hóa', 'tiền giang', 'trà vinh', 'tuyên quang', 'vĩnh long', 'vĩnh phúc', 'yên bái',
  // Cities and districts people name most.
  'thủ đức', 'bình tân', 'bình thạnh', 'gò vấp', 'tân bình', 'tân phú', 'phú nhuận', 'nhà bè', 'hóc môn', 'củ chi',
  'cầu giấy', 'đống đa', 'ba đình', 'hoàn kiếm', 'hai bà trưng', 'hoàng mai', 'thanh xuân', 'long biên', 'tây hồ',
  'bắc từ liêm', 'nam từ liêm', 'từ liêm', 'hà đông', 'gia lâm', 'đông anh', 'sóc sơn', 'biên hòa', 'thủ dầu một',
  'dĩ an', 'nha trang', 'đà lạt', 'hạ long', 'quy nhơn', 'buôn ma thuột', 'vĩnh yên', 'hội an', 'phan thiết',
  'rạch giá', 'mỹ tho', 'long xuyên', 'pleiku', 'tphcm', 'hcm',
].map((name) => normalizeText(name).split(' '));

// Typed without marks these are also common words: "diễn biến", "tân binh" (a recruit), "đi ăn", "hai phòng".
const MARKS_REQUIRED = new Set(['dien bien', 'tan binh', 'di an', 'hai phong', 'hoa binh', 'thai binh', 'ba dinh', 'gia lai']);

const FIRST_WORDS = new Set(PLACES.map((words) => foldDiacritics(words[0] ?? '')));

/** The text with place names replaced by a comma, so that no phrase is read across where they stood. */
export function withoutPlaces(text: string): string {
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ raw: match[0], start: match.index ?? 0, norm: normalizeText(match[0]) }));
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (!FIRST_WORDS.has(foldDiacritics(first.norm))) continue;
    const length = matchAt(words, i);
    if (length === 0) continue;
    const end = words[i + length - 1]!;
    out += text.slice(last, first.start) + ' , ';
    last = end.start + end.raw.length;
    i += length - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The number of words of the longest place name starting at word i; 0 when none. */
function matchAt(words: readonly { norm: string }[], i: number): number {
  let best = 0;
  for (const name of PLACES) {
    if (name.length <= best || i + name.length > words.length) continue;
    const typed = name.map((_, k) => words[i + k]!.norm);
    const marked = typed.some(hasDiacritics);
    const folded = name.map(foldDiacritics).join(' ');
    const same = marked ? typed.join(' ') === name.join(' ') : typed.map(foldDiacritics).join(' ') === folded && !MARKS_REQUIRED.has(folded);
    if (same) best = name.length;
  }
  return best;
}
