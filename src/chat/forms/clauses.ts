import { cleanText, foldText } from '../../forms/text.js';

/** One piece of a citizen's answer: the text as typed and the same text folded, index for index. */
export interface Clause {
  text: string;
  folded: string;
}

/** Folds character by character so that an index in the folded text is the same index in the typed text. */
export function foldAligned(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = foldText(char);
    out += folded.length === char.length ? folded : char.toLowerCase();
  }
  return out;
}

// Where a clause holds a second item without a comma: "bé tên Trần Minh Khôi sinh 12/11/2026 ở BV Phụ sản".
// Matched on the folded text; "sinh" after "nơi", "ngày", "năm" is part of a field name, not a new item.
const INNER_CUES = /(?<!\b(?:noi|ngay|nam|thang|khai|ho|dang))\s(?=(?:sinh|que|dan toc|quoc tich|gioi tinh|so dinh danh|cccd|cap ngay|noi cap|cu tru|dia chi|born|lives)\b)/gu;
// "ở" / "tại" only with their marks (unmarked "tai" is the given name Tài), unless the whole answer has no marks.
const PLACE_MARKED = /\s(?=(?:ở|tại)\s)/gu;
const PLACE_UNMARKED = /\s(?=o\s)/gu;
const PLACE_VERBS = /^(?:mat|chet|qua doi|sinh|song|cu tru|cu tru cuoi cung|noi cu tru cuoi cung|thuong tru|tam tru|nha|que|born|lives|died)$/;

/**
 * Cuts an answer into clauses: at line breaks, semicolons and commas, then before an inner cue ("sinh", "ở", "quê",
 * "dân tộc"...). Commas inside an address are put back together later by the reader (docs/protocol.md).
 */
export function splitClauses(message: string): Clause[] {
  const text = cleanText(message.replace(/[\n;]+/g, ','));
  const hasMarks = text !== foldText(text) && /[^\x00-\x7F]/.test(text);
  const out: Clause[] = [];
  for (const part of text.split(',')) {
    const piece = part.trim();
    if (!piece) continue;
    const folded = foldAligned(piece);
    const cuts = new Set<number>();
    for (const match of folded.matchAll(INNER_CUES)) cuts.add(match.index);
    for (const match of piece.toLowerCase().matchAll(PLACE_MARKED)) cuts.add(match.index);
    if (!hasMarks) for (const match of folded.matchAll(PLACE_UNMARKED)) cuts.add(match.index);
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      // "mất tại nhà", "sinh ở BV …", "cư trú cuối cùng ở …": the place belongs to the verb before it.
      if (cut <= start || PLACE_VERBS.test(folded.slice(start, cut).trim())) continue;
      pushClause(out, piece.slice(start, cut));
      start = cut + 1;
    }
    pushClause(out, piece.slice(start));
  }
  return out;
}

function pushClause(out: Clause[], text: string): void {
  const trimmed = text.trim().replace(/^[:\-–]\s*/, '').replace(/[.!]+$/, '').trim();
  if (trimmed) out.push({ text: trimmed, folded: foldAligned(trimmed) });
}
