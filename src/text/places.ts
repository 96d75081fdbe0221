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
].map((name) => {
  const words = normalizeText(name).split(' ');
  return { words, marked: words.join(' '), folded: words.map(foldDiacritics).join(' ') };
});

// Typed without marks these are also common words: "diễn biến", "tân binh" (a recruit), "đi ăn", "hai phòng", "đã
// nâng", "cả mẫu", "cử chỉ", "học môn", "giả làm", "làm đồng".
const MARKS_REQUIRED = new Set([
  'dien bien', 'tan binh', 'di an', 'hai phong', 'hoa binh', 'thai binh', 'ba dinh', 'gia lai', 'da nang', 'ca mau', 'cu chi',
  'hoc mon', 'gia lam', 'lam dong',
]);

// The names that may start at a word, by that word folded: most words start none and cost one lookup.
const BY_FIRST = new Map<string, (typeof PLACES)[number][]>();
for (const place of PLACES) {
  const first = place.folded.split(' ')[0] ?? '';
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), place].sort((a, b) => b.words.length - a.words.length));
}

/**
 * For each word, whether it belongs to a place name; undefined when none does. `norms`: normalised words
 * (normalizeText()), `folded`: the same words folded.
 */
export function placeWords(norms: readonly string[], folded: readonly string[]): boolean[] | undefined {
  let inPlace: boolean[] | undefined;
  for (let i = 0; i < folded.length; i++) {
    const candidates = BY_FIRST.get(folded[i] ?? '');
    // "Việt Nam định cư" is no Nam Định.
    if (!candidates || (folded[i] === 'nam' && folded[i - 1] === 'viet')) continue;
    const length = candidates.find((place) => matches(norms, folded, i, place))?.words.length ?? 0;
    if (length === 0) continue;
    inPlace ??= new Array<boolean>(folded.length).fill(false);
    inPlace.fill(true, i, i + length);
    i += length - 1;
  }
  return inPlace;
}

/** Whether the words from i on are the place's name: with its marks if typed with any, else folded. */
function matches(norms: readonly string[], folded: readonly string[], i: number, place: (typeof PLACES)[number]): boolean {
  const end = i + place.words.length;
  if (end > folded.length) return false;
  const typed = norms.slice(i, end);
  if (typed.some(hasDiacritics)) return typed.join(' ') === place.marked;
  return folded.slice(i, end).join(' ') === place.folded && !MARKS_REQUIRED.has(place.folded);
}
