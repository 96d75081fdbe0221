import type { ChannelKind, DocumentItem, Level } from '../../knowledge/schema.js';
import type { Language } from './types.js';

/** The Vietnamese or the English wording, whichever the answer is written in. */
export function pick(language: Language, vi: string, en: string): string {
  return language === 'vi' ? vi : en;
}

/** Groups thousands the way each language reads them: 7000 → "7.000 đồng" / "7,000 VND". */
export function formatVnd(amount: number, language: Language): string {
  const grouped = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
  return language === 'vi' ? `${grouped} đồng` : `${grouped} VND`;
}

/** A plain number with the decimal mark each language uses (0,5 / 0.5). */
export function formatNumber(value: number, language: Language): string {
  const text = String(value);
  return language === 'vi' ? text.replace('.', ',') : text;
}

const CHANNEL_LABELS: Record<ChannelKind, Record<Language, string>> = {
  'truc-tiep': { vi: 'Nộp trực tiếp', en: 'In person' },
  'truc-tuyen': { vi: 'Nộp trực tuyến', en: 'Online' },
  'buu-chinh': { vi: 'Gửi qua bưu chính', en: 'By post' },
};

/** How a channel is named to a citizen ("Nộp trực tuyến" / "Online"). */
export function channelLabel(kind: ChannelKind, language: Language): string {
  return CHANNEL_LABELS[kind][language];
}

const LEVEL_LABELS: Record<Level, Record<Language, string>> = {
  xã: { vi: 'cấp xã (phường)', en: 'commune/ward level' },
  tỉnh: { vi: 'cấp tỉnh', en: 'provincial level' },
  bộ: { vi: 'cấp bộ (trung ương)', en: 'ministry (central) level' },
  khác: { vi: 'cơ quan khác', en: 'another agency' },
};

/** The levels joined for a sentence ("cấp tỉnh và cơ quan khác"). */
export function levelsLabel(levels: readonly Level[], language: Language): string {
  return joinWords(levels.map((level) => LEVEL_LABELS[level][language]), language);
}

/** "a, b và c" / "a, b and c". */
export function joinWords(words: readonly string[], language: Language, last = pick(language, 'và', 'and')): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

// Units as the catalogue writes them; an unknown unit is quoted as written rather than guessed.
const UNIT_EN: Record<string, [string, string]> = {
  'ngày làm việc': ['working day', 'working days'],
  ngày: ['day', 'days'],
  giờ: ['hour', 'hours'],
  tuần: ['week', 'weeks'],
  tháng: ['month', 'months'],
  năm: ['year', 'years'],
  phút: ['minute', 'minutes'],
};

/** A processing time as written; without a unit it says so instead of assuming days ("1 (không ghi đơn vị)"). */
export function formatTime(time: { value: number; unit?: string | undefined }, language: Language): string {
  const value = formatNumber(time.value, language);
  if (!time.unit) return pick(language, `${value} (không ghi đơn vị)`, `${value} (no unit stated)`);
  const unit = time.unit.toLocaleLowerCase('vi');
  if (language === 'vi') return `${value} ${unit}`;
  const english = UNIT_EN[unit];
  return english ? `${value} ${time.value === 1 ? english[0] : english[1]}` : `${value} “${time.unit}”`;
}

/** Quantity and original/copy in words ("1 bản chính", "bản sao", "1 bản chính, 1 bản sao", "2 originals"). */
export function copyWords(doc: Pick<DocumentItem, 'quantity' | 'copy' | 'copies'>, language: Language): string {
  if (doc.copy === 'original-and-copy') {
    // Both are asked for: each count as the record writes it, never "or".
    const originals = copyWords({ quantity: doc.quantity, copy: 'original' }, language);
    const copies = copyWords({ quantity: doc.copies, copy: 'copy' }, language);
    return [originals, copies].filter((part) => part !== '').join(', ');
  }
  const count = doc.quantity && doc.quantity > 0 ? doc.quantity : undefined;
  const [one, many] = COPY_WORDS[doc.copy ?? 'unspecified'][language];
  if (count === undefined) return doc.copy ? one : '';
  return `${count} ${count === 1 ? one : many}`;
}

// [one, several]; Vietnamese does not inflect, English does.
const COPY_WORDS: Record<NonNullable<DocumentItem['copy']> | 'unspecified', Record<Language, [string, string]>> = {
  original: { vi: ['bản chính', 'bản chính'], en: ['original', 'originals'] },
  copy: { vi: ['bản sao', 'bản sao'], en: ['copy', 'copies'] },
  'original-or-copy': {
    vi: ['bản chính hoặc bản sao', 'bản chính hoặc bản sao'],
    en: ['original or copy', 'originals or copies'],
  },
  'original-and-copy': { vi: ['bản chính, bản sao', 'bản chính, bản sao'], en: ['original, copy', 'originals, copies'] },
  unspecified: { vi: ['bản', 'bản'], en: ['item', 'items'] },
};

/**
 * Shortens an official passage to about `max` characters, cutting after a line or a sentence so that no clause is
 * left half-quoted; `cut` tells whether anything was left out.
 */
export function trimPassage(text: string, max = 600): { text: string; cut: boolean } {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  if (clean.length <= max) return { text: clean, cut: false };
  const head = clean.slice(0, max);
  const boundaries = [head.lastIndexOf('\n'), ...[...head.matchAll(/[.;:!?](?=\s)/g)].map((m) => (m.index ?? 0) + 1)];
  const end = Math.max(...boundaries);
  const at = end >= max * 0.4 ? end : head.lastIndexOf(' ');
  return { text: `${head.slice(0, at > 0 ? at : max).trimEnd()} …`, cut: true };
}
