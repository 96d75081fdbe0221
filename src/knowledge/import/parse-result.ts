import { fail, succeed, type ParseOutcome } from './parse-outcome.js';
import { cleanInline, isBlankText } from './text.js';

// The portal page around the result table: keywords, description, the agency picker and the "file" button.
const FURNITURE_START = 'Từ khóa';
const DESCRIPTION_LABEL = 'Mô tả';
const AGENCY_PICKER = 'Chọn cơ quan thực hiện';
// "Mã: KQ.G01.000067", "Mã: KQ-G04.000495", "Mã: 000.00.00.G11-KQ1711", "Mã: TP-G15.0000001", "Mã: VBTT".
// A code ends with a digit (or is all capitals), so the capital that opens the next result is not swallowed.
const RESULT_CODE = /Mã:\s*(?:[A-Z]{0,2}\d*(?:[.-][A-Z]{0,2}\d+)*\d|[A-Z]{2,}(?!\p{Ll}))/gu;

/** Removes the page furniture after the result table; the result names stay verbatim, codes included. */
export function stripResultFurniture(cell: string): { results: string; description: string | undefined } {
  const text = cell.replace(/[\u200b-\u200f\ufeff]/g, '');
  const at = text.lastIndexOf(FURNITURE_START);
  if (at === -1) return { results: text, description: undefined };
  const furniture = text.slice(at + FURNITURE_START.length);
  const descriptionAt = furniture.indexOf(DESCRIPTION_LABEL);
  let description: string | undefined;
  if (descriptionAt !== -1) {
    const rest = furniture.slice(descriptionAt + DESCRIPTION_LABEL.length);
    const pickerAt = rest.indexOf(AGENCY_PICKER);
    description = pickerAt === -1 ? rest : rest.slice(0, pickerAt);
    if (isBlankText(description)) description = undefined;
  }
  return { results: text.slice(0, at), description: description === undefined ? undefined : cleanInline(description) };
}

/** Parses `ket_qua_xu_ly` into result names: "Mã: KQ…" codes and the page furniture removed. */
export function parseResult(cell: string): ParseOutcome<string[]> {
  if (isBlankText(cell)) return succeed([]);
  const { results, description } = stripResultFurniture(cell);
  if (isBlankText(results)) return succeed(description ? [description] : []);
  // Every real result carries its code; text without one is another section the crawl shifted here.
  if (!results.match(RESULT_CODE)) return fail('no result code ("Mã: …") in the cell');
  const names = results
    .split(RESULT_CODE)
    .map((name) => cleanInline(name))
    .filter((name) => name !== '');
  if (names.some((name) => name.includes(AGENCY_PICKER) || name.includes('Nộp hồ sơ'))) return fail('page furniture left in the results');
  if (description) names.push(description);
  return succeed(names);
}
