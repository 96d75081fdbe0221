/** What the portal prints in a section it has no data for. */
export const NO_INFO = 'Không có thông tin';

// Invisible marks (left-to-right marks, zero-width spaces, BOM) that the crawl left inside words.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;
const SPACES = /[ \t\u00a0\u2000-\u200a\u202f\u3000]+/g;

/** True when the official cell holds nothing: empty, blank or "Không có thông tin". */
export function isBlankText(text: string | undefined): boolean {
  if (text === undefined) return true;
  const trimmed = cleanInline(text);
  return trimmed === '' || trimmed === NO_INFO;
}

/** Collapses all whitespace (line breaks included) to single spaces and trims. */
export function cleanInline(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Cleans each line and drops empty ones, keeping line breaks because they carry the official list structure. */
export function cleanMultiline(text: string): string {
  return splitCleanLines(text).join('\n');
}

/** Splits text into cleaned, non-empty lines. */
export function splitCleanLines(text: string): string[] {
  return text
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line) => line !== '');
}

/** Returns the cleaned text, or undefined when the cell is blank. */
export function readOptionalText(text: string | undefined): string | undefined {
  return text === undefined || isBlankText(text) ? undefined : cleanInline(text);
}

/** Marks the start of an item in an official list: "- ", "+ ", "a) ", "1. ", "(i) ", "Bước 2:", "*". */
const LIST_MARKER = /^(?:[-+*•–]|\(?[a-zđ]\)|\(?[ivx]+\)|\d+(?:\.\d+)*[.)]|Bước\s*\d+)/u;

/**
 * Splits official free text into logical lines: a line that continues the previous sentence
 * (it starts in lower case and the previous one does not end a sentence) is joined back,
 * because the crawl kept the hard line breaks of the source documents.
 */
export function splitLogicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of splitCleanLines(text)) {
    const previous = lines[lines.length - 1];
    const continues =
      previous !== undefined && /^\p{Ll}/u.test(line) && !LIST_MARKER.test(line) && !/[.:;!?]$/.test(previous);
    if (continues) lines[lines.length - 1] = `${previous} ${line}`;
    else lines.push(line);
  }
  return lines;
}

/** Drops a leading "- " or "• " bullet: the list structure is carried by the YAML list itself ("+" sub-items stay). */
export function stripBullet(item: string): string {
  return item.replace(/^[-–•]\s+(?=\S)/u, '');
}

// The portal's "Từ khóa … Mô tả … Chọn cơ quan thực hiện … Nộp hồ sơ" block, or a bare "Từ khóa:" label at the end.
const PAGE_FURNITURE = /Từ khóa(?::?\s*$|[\s\S]*Mô tả[\s\S]*$)/u;

/** Cuts the page furniture the crawl appended to whichever cell came last on the page. */
export function stripPageFurniture(text: string): string {
  return text.replace(PAGE_FURNITURE, '');
}
