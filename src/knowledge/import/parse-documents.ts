import type { DocumentItem } from '../schema.js';
import { fail, succeed, type ParseOutcome } from './parse-outcome.js';
import { cleanInline, isBlankText, stripBullet } from './text.js';

/** The glued column headers that open each section of a `thanh_phan_ho_so` cell. */
export const DOCUMENTS_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

// "1 bản chính", "01 bản sao", "1 bản chính,1 bản sao": the last column of a row.
const QUANTITY = /(\d+) bản (chính|sao)(?:,\s*(\d+) bản (chính|sao))?/gu;
const FORM_EXTENSION = /\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)$/iu;
const FORM_EXTENSION_INSIDE = /\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)/giu;
// Words that open an attached form's file name ("Mẫu số 05.docx", "MauBankhai.docx", "Phụ lục I.docx", "TK 1.010704.docx").
const FORM_FILE_START = new RegExp(
  String.raw`^(?:\d{1,3}[.\-_ ])?(?:Mẫu|mẫu|MẪU|Mau|mau|MAU|Mus|Mu[A-Z]|Phụ lục|Phụ Lục|PHỤ LỤC|Phu luc|Phu lục|Phlc|phuluc|PL\d|PL[-_ ]|TK\s|Don[_ ]|Đơn|DON|To khai|Tờ khai|M\d)`,
  'u',
);

/** Parses the flattened document table into items grouped by their section heading. */
export function parseDocuments(cell: string): ParseOutcome<DocumentItem[]> {
  if (isBlankText(cell)) return succeed([]);
  const parts = cell.replace(/[\u200b-\u200f\ufeff]/g, '').split(DOCUMENTS_HEADER);
  if (parts.length < 2) return fail('no table header');
  const items: DocumentItem[] = [];
  const leading: string[] = [];
  let group = readGroup(parts[0] ?? '');
  for (let index = 1; index < parts.length; index += 1) {
    const section = readSectionRows(parts[index] ?? '');
    const last = index === parts.length - 1;
    // Between two headers, the text after the last row is the heading of the next section.
    if (last && !isBlankText(section.rest)) return fail('text after the last row has no quantity');
    for (const row of section.rows) {
      const item = buildItem(row, group);
      if (!item) return fail(`cannot tell a document name from its form in "${cleanInline(row.text).slice(-60)}"`);
      if (isNoteRow(item)) attachNote(items, item, leading);
      else {
        if (items.length === 0 && leading.length > 0) item.note = [...leading, item.note].filter(Boolean).join(' ');
        items.push(item);
      }
    }
    group = readGroup(section.rest);
  }
  // Nothing but notes: the official text is kept instead, so that nothing is lost.
  if (items.length === 0 && leading.length > 0) return fail('every row is a note');
  return succeed(items);
}

interface RawRow {
  text: string;
  originals: number;
  copies: number;
  hasOriginal: boolean;
  hasCopy: boolean;
}

function readSectionRows(text: string): { rows: RawRow[]; rest: string } {
  const rows: RawRow[] = [];
  let start = 0;
  const ends = findQuantities(text);
  for (const match of ends) {
    const digits = trimGluedDigits(match[1] ?? '');
    const rowEnd = match.index + (match[1] ?? '').length - digits.length;
    const counts = { originals: 0, copies: 0, hasOriginal: false, hasCopy: false };
    const pairs: Array<[string, string | undefined]> = [
      [digits, match[2]],
      [match[3] ?? '', match[4]],
    ];
    for (const [count, kind] of pairs) {
      if (!kind) continue;
      if (kind === 'chính') {
        counts.originals = Number(count);
        counts.hasOriginal = true;
      } else {
        counts.copies = Number(count);
        counts.hasCopy = true;
      }
    }
    rows.push({ text: text.slice(start, rowEnd), ...counts });
    start = match.index + match[0].length;
  }
  return { rows, rest: text.slice(start) };
}

/**
 * The quantity column of each row. Names quote quantities too ("(01 bản chính)", "01 bản sao có chứng thực",
 * "...: 01 bản chính" right before the real column): the column is glued to the next row or ends the text.
 */
function findQuantities(text: string): RegExpExecArray[] {
  const candidates = [...text.matchAll(QUANTITY)].filter((match) => {
    const next = text[match.index + match[0].length];
    return next === undefined || !/[\s)\]},;.:/]/u.test(next);
  });
  return candidates.filter((match, i) => {
    const following = candidates[i + 1];
    return following === undefined || following.index > match.index + match[0].length;
  });
}

/**
 * The quantity is glued to the end of the document name, which often ends in digits itself
 * ("... ngày 24/5/2018" + "1 bản chính"): keep one digit, or "0N", and leave the rest to the name.
 */
function trimGluedDigits(digits: string): string {
  if (digits.length <= 2) return digits;
  const lastTwo = digits.slice(-2);
  const beforeTwo = digits.slice(0, -2);
  if (lastTwo.startsWith('0') && /(?:19|20)\d\d$/.test(beforeTwo)) return lastTwo;
  return digits.slice(-1);
}

function buildItem(row: RawRow, group: string | undefined): DocumentItem | undefined {
  const { name, forms } = splitForms(row.text);
  const cleanName = stripDocumentBullet(cleanInline(name));
  if (cleanName === '') return undefined;
  const item: DocumentItem = { name: cleanName };
  if (group) item.group = group;
  const original = row.hasOriginal && row.originals > 0;
  const copy = row.hasCopy && row.copies > 0;
  // "1 bản chính,1 bản sao" asks for both: each count is kept, never read as "original or copy".
  if (original && copy) {
    item.quantity = row.originals;
    item.copy = 'original-and-copy';
    item.copies = row.copies;
  } else {
    item.quantity = Math.max(row.originals, row.copies);
    if (item.quantity > 0) item.copy = copy ? 'copy' : 'original';
  }
  if (forms.length > 0) item.form = forms.join('; ');
  return item;
}

// A row that is a note about the list, not a paper: "Lưu ý: ...", a heading ending in ":", a rule for the agency.
const NOTE_START = /^(?:\(?\s*)?(?:Lưu ý|Ghi chú|Chú ý|Ví dụ|Trường hợp|Đối với|Số lượng hồ sơ|Cá nhân có quyền lựa chọn|Cơ quan đăng ký hộ tịch từ chối|Trong thời hạn)/iu;

const NOTE_RULE = /có trách nhiệm|có quyền|không được yêu cầu|phải bảo đảm|hủy bỏ kết quả/u;

/**
 * True for a row that is a note rather than a document: it opens with "Lưu ý"/"Ghi chú" (whatever its quantity),
 * or it asks for no copy ("0 bản chính") and is a heading ("... bao gồm:"), a case ("Trường hợp nộp trực tuyến thì ...")
 * or a rule addressed to the agency. Its text stays, as the note of the document it follows.
 */
export function isNoteRow(item: DocumentItem): boolean {
  if (/^[*\s]*(?:Lưu ý|Ghi chú|Chú ý|Số lượng hồ sơ)(?=[\s:.,(]|$)/iu.test(item.name)) return true;
  if ((item.quantity ?? 0) > 0 || item.form) return false;
  // Under a "Lưu ý" heading every row is a note; elsewhere a "0 bản" row that lays down a duty or a right is one.
  if (item.group && /^(?:Lưu ý|Ghi chú|Chú ý)/iu.test(item.group)) return true;
  return NOTE_START.test(item.name) || /:$/u.test(item.name) || NOTE_RULE.test(item.name);
}

/** A note row goes with the document before it; a list that opens with a note keeps it for its first document. */
function attachNote(items: DocumentItem[], note: DocumentItem, leading: string[]): void {
  const target = items[items.length - 1];
  if (target) target.note = target.note ? `${target.note} ${note.name}` : note.name;
  else leading.push(note.name);
}

/** "+ Giấy ..." and "++ Giấy ...": the bullet belongs to the list, not to the name of the paper. */
function stripDocumentBullet(name: string): string {
  return stripBullet(name).replace(/^\+{1,2}\s*/u, '').trim();
}

/** Separates the attached form file name(s) glued after the document name. */
export function splitForms(text: string): { name: string; forms: string[] } {
  const split = splitFormsAtGlue(text);
  if (split.forms.length > 0 || !FORM_EXTENSION.test(text.trimEnd())) return split;
  // No glue point found: the file name is the last word ("quy địnhon_de_nghi.docx" lost its "Đ" in the crawl).
  const trimmed = text.trimEnd();
  const lastSpace = trimmed.lastIndexOf(' ');
  if (lastSpace <= 0) return split;
  return { name: trimmed.slice(0, lastSpace), forms: [trimmed.slice(lastSpace + 1)] };
}

function splitFormsAtGlue(text: string): { name: string; forms: string[] } {
  const trimmed = text.trimEnd();
  if (!FORM_EXTENSION.test(trimmed)) return { name: text, forms: [] };
  // Several files may follow each other: "Mẫu 01.docxMẫu 02.docx".
  const ends = [...trimmed.matchAll(FORM_EXTENSION_INSIDE)].map((m) => m.index + m[0].length);
  let chainStart = ends.length - 1;
  while (chainStart > 0 && startsFormFile(trimmed, ends[chainStart - 1] as number)) chainStart -= 1;
  const firstEnd = chainStart > 0 ? (ends[chainStart - 1] as number) : 0;
  const firstFormEnd = ends[chainStart] as number;
  const formStart = findFormStart(trimmed, firstEnd, firstFormEnd);
  if (formStart === undefined) return { name: text, forms: [] };
  const forms: string[] = [];
  let from = formStart;
  for (const end of ends.slice(chainStart)) {
    forms.push(cleanInline(trimmed.slice(from, end)));
    from = end;
  }
  return { name: trimmed.slice(0, formStart), forms: forms.filter((form) => form !== '') };
}

/** A file name follows directly at `at` (no space): the previous extension ended another file. */
function startsFormFile(text: string, at: number): boolean {
  const next = text[at];
  return next !== undefined && !/\s/.test(next);
}

/**
 * Where the first file name starts in text[from, end). The name is glued to the file without a space, so the
 * start is a glue point after the last sentence break. Best is closing punctuation before a word that opens
 * form names (");Mẫu số 01.docx"), then such a word glued to the name ("NĐ-CPMẫu số 06.docx"), then closing
 * punctuation alone ("theo mẫu.MuTkhai.docx"), then a lower-case letter glued to a capital ("Bộ Công anMẫu-NA12.doc");
 * the leftmost of the best kind wins, because file names contain points and capitals of their own.
 */
function findFormStart(text: string, from: number, end: number): number | undefined {
  const lastBreak = Math.max(...[...text.slice(from, end).matchAll(/[.;:!?]\s/gu)].map((m) => from + m.index + 2), from);
  const best: Array<number | undefined> = [undefined, undefined, undefined, undefined];
  for (let j = Math.max(lastBreak, 1); j < end - 4; j += 1) {
    const before = text[j - 1] ?? '';
    const at = text[j] ?? '';
    if (/\s/u.test(before) || /\s/u.test(at) || (/\d/.test(before) && /\d/.test(at))) continue;
    const afterPunctuation = /[.;:)\]”"]/u.test(before) && !/[.,;:)\]\-]/u.test(at) && !isInsideNumber(text, j);
    const keyword = /[\p{L}\d.;:)\]”"]/u.test(before) && FORM_FILE_START.test(text.slice(j, j + 12));
    const kind = afterPunctuation && keyword ? 0 : keyword ? 1 : afterPunctuation ? 2 : /\p{Ll}/u.test(before) && /\p{Lu}/u.test(at) ? 3 : -1;
    if (kind >= 0 && best[kind] === undefined) best[kind] = j;
  }
  return best.find((j) => j !== undefined);
}

/** "06.QLT", "2025.TT", "1.1": a point between digits and a code is part of a number or a file name. */
function isInsideNumber(text: string, j: number): boolean {
  return text[j - 1] === '.' && /\d/.test(text[j - 2] ?? '') && /[\dA-ZĐ]/u.test(text[j] ?? '');
}

function readGroup(heading: string): string | undefined {
  const text = cleanInline(heading)
    .replace(/^[*\-–+•\s]+/u, '')
    .replace(/[:\s]+$/u, '')
    .trim();
  if (text === '' || text === '--' || /^-+$/.test(text)) return undefined;
  return text;
}
