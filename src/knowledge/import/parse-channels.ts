import type { Channel, ChannelKind } from '../schema.js';
import { fail, succeed, type ParseOutcome } from './parse-outcome.js';
import { cleanInline, cleanMultiline, isBlankText, NO_INFO } from './text.js';

/** The glued column headers that open every `cach_thuc_thuc_hien` cell. */
export const CHANNELS_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

const KIND_BY_LABEL: Record<string, ChannelKind> = {
  'Trực tiếp': 'truc-tiep',
  'Trực tuyến': 'truc-tuyen',
  'Dịch vụ bưu chính': 'buu-chinh',
};
const KIND_LABEL = /Trực tiếp|Trực tuyến|Dịch vụ bưu chính/gu;
// Longest first, so that "Ngày làm việc" is not read as "Ngày".
const UNITS = ['Ngày làm việc', 'Ngày', 'Giờ', 'Tháng', 'Năm', 'Tuần', 'Phút'];
const FREE = 'Miễn phí';
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)? ?(Việt Nam Đồng|VNĐ|VND|USD|EUR|Đồng)/u;
// The portal writes decimals with a point ("0.5", "1.5"); a comma only ever separates thousands of an amount.
const TIME_NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
const AMOUNT_NUMBER = /^(?:0|[1-9]\d{0,2}(?:,\d{3})*|[1-9]\d*)$/;
const VND_CURRENCIES = new Set(['Việt Nam Đồng', 'VNĐ', 'VND', 'Đồng']);
// Notes that confirm "Miễn phí" rather than qualify it.
const NO_FEE_NOTE =
  /^\(\s*(?:không|không có|không quy định|chưa quy định|không thu(?: phí| lệ phí)?|miễn(?: phí| lệ phí)?|không thu phí, lệ phí)\s*\.?\s*\)$/iu;
// No real fee is below 1,000 đồng: such a figure means the portal's amount field was filled in thousands.
const SMALLEST_CREDIBLE_FEE_VND = 1000;

interface TimeValue {
  value: number;
  unit?: string;
}

interface RowHead {
  kind: ChannelKind;
  time: TimeValue | undefined;
  /** Where the fee cell starts. */
  feeAt: number;
  /** Time and amount ran together and more than one split was possible. */
  amountDoubtful?: boolean;
}

interface FeeItem {
  head: string;
  note: string | undefined;
  free: boolean;
  amount: number | undefined;
  currency: string | undefined;
}

/** Parses the flattened "how to file" table into channels (kind, time, fee, description). */
export function parseChannels(cell: string): ParseOutcome<Channel[]> {
  if (isBlankText(cell)) return succeed([]);
  const text = cell.replace(/[\u200b-\u200f\ufeff]/g, '');
  if (!text.startsWith(CHANNELS_HEADER)) return fail('the table header is missing');
  const body = text.slice(CHANNELS_HEADER.length);
  if (isBlankText(body)) return succeed([]);
  const channels: Channel[] = [];
  let head = readRowHead(body, 0);
  if (!head) return fail('the first row does not start with a channel, a time and a fee');
  while (head) {
    const fee = readFeeCell(body, head.feeAt);
    if (!fee) return fail('a fee cell cannot be read');
    const next = findNextRowHead(body, fee.end);
    const description = body.slice(fee.end, next.at);
    channels.push(buildChannel(head, fee.items, description));
    head = next.head;
  }
  return succeed(channels);
}

function buildChannel(head: RowHead, items: FeeItem[], description: string): Channel {
  const channel: Channel = { kind: head.kind };
  if (head.time) channel.time = head.time;
  if (items.length > 0) {
    channel.fee = { text: items.map((item) => (item.note ? `${item.head} ${item.note}` : item.head)).join('; ') };
    const amount = head.amountDoubtful ? undefined : readAmountVnd(items);
    if (amount !== undefined) channel.fee.amountVnd = amount;
  }
  if (!isBlankText(description)) {
    channel.description = cleanMultiline(description);
    const rowCase = readRowCase(channel.description);
    if (rowCase) channel.case = rowCase;
    // Without a time column the description is the only statement of time; with one, the description may still
    // give other durations for other cases ("01 ngày đối với đám tang - 05 ngày làm việc đối với các trường hợp khác").
    const timeText = readTimeText(channel.description);
    if (timeText && (!head.time || statesOtherDuration(timeText, head.time.value))) channel.timeText = timeText;
  }
  return channel;
}

// A duration as the portal writes one in prose: "02 ngày làm việc", "40 ngày", "03 tháng", "24 giờ".
const DURATION = /\b\d+(?:[.,]\d+)?\s*(?:\([^)]{1,20}\)\s*)?(?:ngày|giờ|tháng|tuần|năm|phút)\b/iu;
const TIME_HEADING = /Thời (?:hạn|gian) giải quyết\s*:?/iu;
const ROW_CASE = /^(?:[-+•]\s*)?((?:Đối với|Trường hợp)[^:.;]{3,200}):/u;
const MAX_TIME_TEXT = 1500;

/**
 * The time when the record states it only in the description: from a "Thời hạn giải quyết" heading on, or the
 * whole description when it is about time, else the sentences that state a duration. Kept word for word.
 */
export function readTimeText(description: string): string | undefined {
  if (!DURATION.test(description)) return undefined;
  const heading = TIME_HEADING.exec(description);
  if (heading) return trimTo(description.slice(heading.index), MAX_TIME_TEXT);
  const sentences = description.split(/(?<=[.;])\s+|\n/u).map((part) => part.trim()).filter((part) => part !== '');
  const timed = sentences.filter((sentence) => DURATION.test(sentence) && !/^Thời gian tiếp nhận/iu.test(sentence));
  if (timed.length === 0) return undefined;
  return trimTo(timed.length === sentences.length ? description : timed.join(' '), MAX_TIME_TEXT);
}

/** True when the text names a duration other than the time column's ("01 ngày" besides 5). */
function statesOtherDuration(text: string, value: number): boolean {
  return [...text.matchAll(new RegExp(DURATION.source, 'giu'))].some((match) => Number.parseFloat(match[0].replace(',', '.')) !== value);
}

/** "Đối với hồ sơ thuộc diện hoàn thuế trước: ..." — the case a row of the table is for. */
export function readRowCase(description: string): string | undefined {
  return ROW_CASE.exec(description)?.[1]?.trim();
}

function trimTo(text: string, max: number): string {
  return text.length <= max ? text.trim() : `${text.slice(0, max).trimEnd()} …`;
}

/** The amount only when the cell leaves no doubt: one item, and a note that does not contradict it. */
function readAmountVnd(items: FeeItem[]): number | undefined {
  if (items.length !== 1) return undefined;
  const [item] = items as [FeeItem];
  if (item.free) return item.note === undefined || NO_FEE_NOTE.test(item.note) ? 0 : undefined;
  if (item.amount === undefined || !item.currency || !VND_CURRENCIES.has(item.currency)) return undefined;
  if (item.amount < SMALLEST_CREDIBLE_FEE_VND) return undefined;
  const mentioned = item.note ? readMentionedAmounts(item.note) : [];
  return mentioned.every((value) => value === item.amount) ? item.amount : undefined;
}

/** Amounts in đồng written in a fee note ("7.000 đồng/lần", "40.000đ"). */
function readMentionedAmounts(note: string): number[] {
  const amounts: number[] = [];
  for (const match of note.matchAll(/(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ(?![\p{L}])|VNĐ|VND)/giu)) {
    amounts.push(Number((match[1] ?? '').replace(/[.,]/g, '')));
  }
  return amounts;
}

function findNextRowHead(body: string, from: number): { at: number; head: RowHead | undefined } {
  KIND_LABEL.lastIndex = from;
  for (let match = KIND_LABEL.exec(body); match; match = KIND_LABEL.exec(body)) {
    const head = readRowHead(body, match.index);
    if (head) return { at: match.index, head };
  }
  return { at: body.length, head: undefined };
}

/** Reads "<channel><time>" at `at` when a fee cell follows it. */
function readRowHead(body: string, at: number): RowHead | undefined {
  const label = Object.keys(KIND_BY_LABEL).find((candidate) => body.startsWith(candidate, at));
  if (!label) return undefined;
  const kind = KIND_BY_LABEL[label] as ChannelKind;
  let pos = at + label.length;
  if (body.startsWith(NO_INFO, pos)) {
    pos += NO_INFO.length;
    return startsFeeCell(body, pos) ? { kind, time: undefined, feeAt: pos } : undefined;
  }
  const digits = /^[\d.,]+/.exec(body.slice(pos))?.[0];
  if (!digits) return startsFeeCell(body, pos) ? { kind, time: undefined, feeAt: pos } : undefined;
  const afterDigits = pos + digits.length;
  const unit = UNITS.find((candidate) => body.startsWith(` ${candidate}`, afterDigits));
  if (unit) {
    if (!TIME_NUMBER.test(digits)) return undefined;
    const feeAt = afterDigits + unit.length + 1;
    return startsFeeCell(body, feeAt) ? { kind, time: { value: readNumber(digits), unit }, feeAt } : undefined;
  }
  if (TIME_NUMBER.test(digits) && startsFeeCell(body, afterDigits) && !/^\d/.test(body.slice(afterDigits))) {
    return { kind, time: { value: readNumber(digits) }, feeAt: afterDigits };
  }
  // No unit and an amount right after: "1100 VNĐ" may be 1 + 100 or 110 + 0. Every such cell of the catalogue
  // whose note tells is a one-digit time before an amount written in thousands, so the shortest time is kept,
  // and the amount is not trusted when another split was possible.
  if (!AMOUNT.test(body.slice(pos))) return undefined;
  const amountDigits = /^[\d,]+/.exec(body.slice(pos))?.[0] ?? '';
  const readings: number[] = [];
  for (let split = 1; split < amountDigits.length; split += 1) {
    if (TIME_NUMBER.test(amountDigits.slice(0, split)) && AMOUNT_NUMBER.test(amountDigits.slice(split))) readings.push(split);
  }
  const split = readings[0];
  if (split === undefined) return undefined;
  return { kind, time: { value: readNumber(amountDigits.slice(0, split)) }, feeAt: pos + split, amountDoubtful: readings.length > 1 };
}

function startsFeeCell(body: string, at: number): boolean {
  const rest = body.slice(at);
  return rest.startsWith(FREE) || rest.startsWith(NO_INFO) || AMOUNT.test(rest);
}

/** Reads the fee cell: one or more "Miễn phí" / "<amount> <currency>" items, each with an optional "(note)". */
function readFeeCell(body: string, at: number): { items: FeeItem[]; end: number } | undefined {
  if (body.startsWith(NO_INFO, at)) return { items: [], end: at + NO_INFO.length };
  const items: FeeItem[] = [];
  let pos = at;
  for (;;) {
    const rest = body.slice(pos);
    let item: FeeItem;
    if (rest.startsWith(FREE)) {
      item = { head: FREE, note: undefined, free: true, amount: undefined, currency: undefined };
      pos += FREE.length;
    } else {
      const amount = AMOUNT.exec(rest);
      if (!amount) break;
      const figure = amount[1] ?? '';
      item = {
        head: cleanInline(amount[0]),
        note: undefined,
        free: false,
        amount: figure.includes('.') ? undefined : Number(figure.replace(/,/g, '')),
        currency: amount[2],
      };
      pos += amount[0].length;
    }
    if (body[pos] === '(') {
      const close = findNoteEnd(body, pos);
      const note = cleanInline(body.slice(pos, close + 1));
      if (note !== '(') item.note = note;
      pos = close + 1;
    }
    items.push(item);
  }
  return items.length > 0 ? { items, end: pos } : undefined;
}

/**
 * Index of the ")" closing the note opened at `open`. The crawl sometimes lost a ")" (or everything after "("):
 * then the note runs to the last ")" before the next row, or to the next row when there is none.
 */
function findNoteEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  const nextRow = findNextRowHead(text, open + 1).at;
  const lastClose = text.lastIndexOf(')', nextRow - 1);
  return lastClose > open ? lastClose : nextRow - 1;
}

function readNumber(digits: string): number {
  return Number(digits);
}
