import type { Level } from '../schema.js';
import { fail, succeed, type ParseOutcome } from './parse-outcome.js';
import { cleanInline, isBlankText, splitLogicalLines, stripBullet, stripPageFurniture } from './text.js';

// Glued table headers and page furniture: a free-text cell holding them is a shifted table, not prose.
const FOREIGN_TEXT = ['Tên giấy tờMẫu đơn', 'Hình thức nộpThời gian', 'Tên văn bản pháp lýMã văn bản', 'Chọn cơ quan thực hiện'];
const STEP_MARKER = /^[-–+*•]?\s*Bước\s*\d+/u;

const LEVEL_BY_LABEL: Record<string, Level> = {
  'Cấp xã': 'xã',
  'Cấp tỉnh': 'tỉnh',
  'Cấp bộ': 'bộ',
  'Cơ quan khác': 'khác',
};

/** Splits the steps into one item per "Bước N" (with its sub-lines), or one per line when there are none. */
export function parseSteps(officialText: string): ParseOutcome<string[]> {
  const cell = stripPageFurniture(officialText);
  if (isBlankText(cell)) return succeed([]);
  const foreign = findForeignText(cell);
  if (foreign) return fail(`holds "${foreign}"`);
  const lines = splitLogicalLines(cell).map(stripBullet);
  if (!lines.some((line) => STEP_MARKER.test(line))) return succeed(lines);
  const steps: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (STEP_MARKER.test(line) && current.length > 0) {
      steps.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) steps.push(current.join('\n'));
  return succeed(steps);
}

/** Splits the conditions into one item per logical line. */
export function parseConditions(officialText: string): ParseOutcome<string[]> {
  const cell = stripPageFurniture(officialText);
  if (isBlankText(cell)) return succeed([]);
  const foreign = findForeignText(cell);
  if (foreign) return fail(`holds "${foreign}"`);
  return succeed(splitLogicalLines(cell).map(stripBullet));
}

/**
 * Splits "who may file" on commas outside parentheses; a piece in lower case continues the previous one
 * ("Cán bộ, công chức, viên chức" is one category).
 */
export function parseWhoMayFile(cell: string): string[] {
  if (isBlankText(cell)) return [];
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of cleanInline(cell)) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      pieces.push(current);
      current = '';
    } else current += char;
  }
  pieces.push(current);
  const groups: string[] = [];
  for (const piece of pieces.map((p) => p.trim()).filter((p) => p !== '')) {
    const previous = groups[groups.length - 1];
    if (previous !== undefined && /^\p{Ll}/u.test(piece)) groups[groups.length - 1] = `${previous}, ${piece}`;
    else groups.push(piece);
  }
  return [...new Set(groups)];
}

/** Maps "Cấp bộ, Cấp tỉnh, Cơ quan khác" to levels; fails on a label it does not know. */
export function parseLevels(cell: string): ParseOutcome<Level[]> {
  if (isBlankText(cell)) return fail('no level given');
  const levels: Level[] = [];
  for (const label of cleanInline(cell).split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const level = LEVEL_BY_LABEL[label];
    if (!level) return fail(`unknown level "${label}"`);
    if (!levels.includes(level)) levels.push(level);
  }
  return levels.length > 0 ? succeed(levels) : fail('no level given');
}

function findForeignText(cell: string): string | undefined {
  return FOREIGN_TEXT.find((marker) => cell.includes(marker));
}
