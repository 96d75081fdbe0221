import type { LegalBasis } from '../schema.js';
import { fail, succeed, type ParseOutcome } from './parse-outcome.js';
import { cleanInline, isBlankText, NO_INFO } from './text.js';

/** The glued column headers that open every `can_cu_phap_ly` cell. */
export const LEGAL_BASIS_HEADER = 'Tên văn bản pháp lýMã văn bản';

// A document number: "68/2020/QH14", "123/2015/NĐ-CP", "66.7/2025/NQ-CP", "163/QĐ-BTP", "9354/QĐ-BCA-C06",
// "09/2023/QĐ-TTg". The issuer code is upper case, with two digits only after QH/UBTVQH (the legislature)
// or a single letter (C06), so that digits glued after it are read as the next number.
const SEGMENT = String.raw`(?:TTg|UBTVQH\d{2}|QH\d{2}|[A-ZĐ]\d{2}(?![\d/])|[A-ZĐ]+)`;
const NUMBER_AT = new RegExp(String.raw`^(\d{1,4}(?:\.\d{1,3})?)\/(?:(?:19|20)\d{2}\/)?${SEGMENT}(?:\s?[-_]\s?${SEGMENT})*`, 'u');
// Sticky twin of NUMBER_AT, to read at a position without copying the rest of the text.
const NUMBER_HERE = new RegExp(NUMBER_AT.source.slice(1), 'uy');
// Where a number may begin; every match is tried with each start inside its run of digits.
const NUMBER_START = /\d{1,4}(?:\.\d{1,3})?\/(?:(?:19|20)\d{2}\/)?[A-ZĐ]/u;
// Words the number column sometimes repeats before the number ("Thông tư số 03/2023/TT-BTP").
const CELL_PREFIX = /(?:(?:Bộ luật|Luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Văn bản hợp nhất|Chỉ thị|NĐ|TT|QĐ|NQ)\s*)?(?:[Ss]ố:?\s*)?$/u;
const PREFIX_ONLY = /^(?:(?:Bộ luật|Luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Văn bản hợp nhất|Chỉ thị)\s*)?(?:[Ss]ố)?\s*$/u;
// How the next title may begin when its first word is in capitals or in lower case.
const CAPS_TITLE_WORD = /^(?:BỘ LUẬT|LUẬT|NGHỊ ĐỊNH|NGHỊ QUYẾT|THÔNG TƯ|QUYẾT ĐỊNH|QUY ĐỊNH|QUY CHUẨN|PHÁP LỆNH|VĂN BẢN|HƯỚNG DẪN|SỬA ĐỔI|BAN HÀNH|VỀ|CHỈ THỊ|HIẾN PHÁP|CÔNG ƯỚC|HIỆP ĐỊNH)(?![\p{L}])/u;
const LOWER_TITLE_WORD = /^(?:quy|quyết|sửa|ban|hướng|về|thông|nghị|luật|bộ luật|pháp lệnh|văn bản|phân|quản|giao|kinh|trang|bãi|điều|hợp|chỉ thị|danh mục|biểu)(?![\p{L}])/u;
const NEXT_SECTION_LABEL = 'Cơ quan thực hiện';
// A number glued to more digits inside a title ("…/NĐ-CP41/201…") is a row end the text lost.
const LOST_ROW_END = /\/(?:\d{4}\/)?(?:[A-ZĐ]+-)*(?!QH|UBTVQH)[A-ZĐ]{2,}\d/u;
// A title that still holds two documents: a lower-case letter glued to the name of a document type.
const MISSED_SPLIT = /\p{Ll}(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết)(?![\p{L}])/u;

interface CellCandidate {
  /** Where the number column starts (prefix words included). */
  start: number;
  /** Where the number itself starts. */
  numberStart: number;
  end: number;
  score: number;
}

/** Parses the flattened legal-basis table into `{title, number}` rows. */
export function parseLegalBasis(cell: string): ParseOutcome<LegalBasis[]> {
  if (isBlankText(cell)) return succeed([]);
  const text = cell.replace(/[\u200b-\u200f\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  // "Không có thông tinCơ quan thực hiện…": an empty section followed by the next section's label and value.
  if (text.startsWith(`${NO_INFO}${NEXT_SECTION_LABEL}`)) return succeed([]);
  if (!text.startsWith(LEGAL_BASIS_HEADER)) return fail('the table header is missing');
  const body = text.slice(LEGAL_BASIS_HEADER.length);
  if (isBlankText(body)) return succeed([]);
  const problems: string[] = [];
  const rows = readRows(body, 0, new Map(), problems);
  return rows ? succeed(rows) : fail(problems[0] ?? 'the rows cannot be told apart');
}

/**
 * Reads the rows from `pos` to the end, trying the earliest plausible row end first and backtracking when
 * the rest cannot be read ("Luật … số 73/2021/QH14" + "73/2021/QH14": the first number is the title's).
 */
function readRows(body: string, pos: number, memo: Map<number, LegalBasis[] | undefined>, problems: string[]): LegalBasis[] | undefined {
  if (pos >= body.length) return [];
  if (memo.has(pos)) return memo.get(pos);
  memo.set(pos, undefined);
  let tried = 0;
  for (const candidates of listRowEnds(body, pos)) {
    tried += 1;
    const [best, second] = candidates;
    if (!best) continue;
    if (second && second.score === best.score && second.numberStart !== best.numberStart) {
      problems.push(`a number is glued to digits that end its title: "${body.slice(pos, best.end).slice(-60)}"`);
      continue;
    }
    const title = cleanInline(body.slice(pos, best.start));
    if (MISSED_SPLIT.test(title) || LOST_ROW_END.test(title)) {
      problems.push(`a row seems to hold two documents: "${title.slice(0, 80)}"`);
      continue;
    }
    let next = best.end;
    while (body[next] === ' ') next += 1;
    const rest = readRows(body, next, memo, problems);
    if (rest) {
      const rows = [{ title, number: cleanInline(body.slice(best.numberStart, best.end)) }, ...rest];
      memo.set(pos, rows);
      return rows;
    }
  }
  if (tried === 0) problems.push(`no document number ends the row "${body.slice(pos, pos + 60)}…"`);
  return undefined;
}

/**
 * Every plausible number column ending a row that starts at `pos`, grouped by end, earliest end first and best
 * first within a group. Lazy: the first group usually ends the row, and scanning on costs time on long cells.
 */
function* listRowEnds(body: string, pos: number): Generator<CellCandidate[]> {
  const pending = new Map<number, CellCandidate[]>();
  const flushBefore = function* (limit: number): Generator<CellCandidate[]> {
    const ready = [...pending.keys()].filter((end) => end < limit).sort((a, b) => a - b);
    for (const end of ready) {
      const group = (pending.get(end) ?? []).sort((a, b) => b.score - a.score || a.start - b.start);
      pending.delete(end);
      yield group;
    }
  };
  const starts = new RegExp(NUMBER_START.source, 'gu');
  starts.lastIndex = pos;
  for (let match = starts.exec(body); match; match = starts.exec(body)) {
    const slash = body.indexOf('/', match.index);
    let runStart = match.index;
    while (runStart > pos && /\d/.test(body[runStart - 1] ?? '')) runStart -= 1;
    // No number starting here or later can end before this run.
    yield* flushBefore(runStart + 1);
    // Every start inside a run of digits is a candidate: "202068/2020/QH14" may be "2020" + "68/2020/QH14";
    // cutting a run needs a reason (the title then ends with a year or a whole number).
    for (let start = match.index; start < slash; start += 1) {
      if (isInsideNumber(body, start)) continue;
      // The whole code when it ends a row ("NĐ-CP" + "hợp nhất…"), else a cut inside its last segment.
      const ends = readNumberEnds(body, start).filter((end) => endsRow(body, end));
      for (const end of ends.slice(0, 1)) {
        const candidate = scoreCell(body, pos, start, end);
        if (!candidate || (start > runStart && candidate.score <= 0)) continue;
        pending.set(end, [...(pending.get(end) ?? []), candidate]);
      }
    }
    starts.lastIndex = slash + 1;
  }
  yield* flushBefore(Number.POSITIVE_INFINITY);
}

/**
 * Possible ends of the number starting at `start`. The last code segment may have swallowed the capital that
 * opens the next title ("NĐ-CPNghị"), so shorter ends inside it are candidates too.
 */
function readNumberEnds(body: string, start: number): number[] {
  NUMBER_HERE.lastIndex = start;
  const match = NUMBER_HERE.exec(body);
  if (!match) return [];
  const end = start + match[0].length;
  const ends = [end];
  const lastSegment = /[A-ZĐ]+$/u.exec(match[0]);
  if (lastSegment) {
    for (let cut = 1; cut < lastSegment[0].length; cut += 1) ends.push(end - cut);
  }
  return ends;
}

/** A row ends at `end` when the text ends there or a new title starts (glued or after a space). */
function endsRow(body: string, end: number): boolean {
  if (end >= body.length) return true;
  const from = body[end] === ' ' ? end + 1 : end;
  const rest = body.slice(from, from + 40);
  const first = rest[0] ?? '';
  const second = rest[1] ?? '';
  if (/\p{Lu}/u.test(first)) {
    if (/\p{Ll}/u.test(second)) return true;
    return CAPS_TITLE_WORD.test(rest);
  }
  if (/\p{Ll}/u.test(first)) return LOWER_TITLE_WORD.test(rest);
  if (/\d/.test(first)) {
    NUMBER_HERE.lastIndex = from;
    return NUMBER_HERE.test(body);
  }
  return false;
}

/** Scores the number column [start, end) of a row that began at `rowStart`; undefined when it cannot be one. */
function scoreCell(body: string, rowStart: number, start: number, end: number): CellCandidate | undefined {
  // Only the end of the title matters here; long cells would make whole-title work quadratic.
  const tailStart = Math.max(rowStart, start - 80);
  const before = body.slice(tailStart, start);
  const prefix = CELL_PREFIX.exec(before)?.[0] ?? '';
  const beforePrefix = start - prefix.length - 1;
  // The repeated "Thông tư số" belongs to the number column only when glued to the title ("phápThông tư số").
  const prefixTouchesTitle = prefix !== '' && beforePrefix >= rowStart && /\S/u.test(body[beforePrefix] ?? ' ');
  // So does "Luật số " after a space: a title never ends with "số".
  const prefixGlued = prefixTouchesTitle || (prefix !== '' && beforePrefix >= rowStart && /[Ss]ố:?\s*$/u.test(prefix));
  let cellStart = prefixGlued ? start - prefix.length : start;
  // "Luật28/2023/QH15": the title column only said "Luật".
  if (prefixGlued && !/\S/u.test(body.slice(rowStart, cellStart))) cellStart = start;
  const titleTail = body.slice(tailStart, cellStart).trimEnd();
  if (titleTail === '' && !/\S/u.test(body.slice(rowStart, cellStart))) return undefined;
  // "Thông tư " + "80/2021/TT-BTC…" is a title quoting its number, not a title of its own.
  if (cellStart - rowStart < 60 && PREFIX_ONLY.test(body.slice(rowStart, cellStart).trim()) && /\s/.test(body[cellStart - 1] ?? '')) {
    return undefined;
  }
  const gluedBefore = !/\s/.test(body[cellStart - 1] ?? ' ');
  // "… bởi Nghị định số 07/2025/NĐ-CP" + "280/2025/NĐ-CP": a number after "số " followed by another number
  // is quoted by the title; the column is the number glued after it.
  if (!prefixTouchesTitle && /\s[Ss]ố:?\s+$/u.test(body.slice(Math.max(rowStart, start - 8), start)) && /\d/.test(body[end] ?? '')) return undefined;
  // A title that is only a number is the same number as its column ("193/2025/NĐ-CP" + "193/2025/NĐ-CP").
  const wholeTitle = cellStart - rowStart < 40 ? body.slice(rowStart, cellStart).trim() : '';
  if (wholeTitle !== '' && NUMBER_AT.exec(wholeTitle)?.[0] === wholeTitle && wholeTitle !== body.slice(start, end)) return undefined;
  const gluedAfter = end >= body.length || !/\s/.test(body[end] ?? ' ');
  // A number with spaces on both sides is a reference inside the title ("số 123/2015/NĐ-CP Quy định ...").
  if (!gluedBefore && !gluedAfter) return undefined;
  // "2021.53/2025/…" is a year ending a sentence, then the number, rather than a number "2021.53".
  const yearAsDecimal = /^(?:19|20)\d{2}\.\d/u.test(body.slice(start, start + 8)) ? 4 : 0;
  return { start: cellStart, numberStart: start, end, score: scoreTitleEnd(titleTail) - yearAsDecimal };
}

/** How well a title ends where a number column begins; numbers glued to digits need a reason to be cut there. */
function scoreTitleEnd(title: string): number {
  const lastToken = /\S+$/u.exec(title)?.[0] ?? '';
  // "…/QH" or "…/QH1": the legislature's code was cut, its digits belong to the title.
  if (lastToken.includes('/') && /(?:QH|UBTVQH)\d?$/u.test(lastToken)) return -5;
  if (!/\d$/.test(title)) return 3;
  let score = 0;
  if (/(?:^|\D)(?:19|20)\d{2}$/.test(title)) score += 2;
  const trailingNumber = /\d[\d.]*\/\S*$/u.exec(lastToken)?.[0];
  if (trailingNumber && NUMBER_AT.exec(trailingNumber)?.[0] === trailingNumber) score += 2;
  return score;
}

/**
 * "2014/QH13" inside "54/2014/QH13", "7/2025" inside "66.7/2025": not the start of a number. After a year and a
 * full stop ("… năm 2021.53/2025/TT-BCA") a number may start, the sentence having ended.
 */
function isInsideNumber(body: string, start: number): boolean {
  const before = body[start - 1];
  if (before === '/') return true;
  return before === '.' && /\d/.test(body[start - 2] ?? '') && !/(?:^|\D)(?:19|20)\d{2}$/u.test(body.slice(Math.max(0, start - 6), start - 1));
}
