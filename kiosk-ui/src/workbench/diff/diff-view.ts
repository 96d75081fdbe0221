import { el } from '../../shared/dom.js';
import type { DiffRow } from '../api/types.js';
import { labelPath } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { showValue } from '../ui/format.js';
import { table } from '../ui/widgets.js';

const CHANGE_LABEL: Record<DiffRow['change'], string> = { added: s.diff.added, removed: s.diff.removed, changed: s.diff.changed };

/** The raw dot path of a row as the API sent it (string or key list). */
export function pathText(path: DiffRow['path']): string {
  return Array.isArray(path) ? path.join('.') : String(path);
}

/** A change's row, opened by its field (readable name and raw path) as the row header; `extra` classes the row. */
export function diffRowHead(row: DiffRow, extra = ''): { tr: HTMLTableRowElement; field: HTMLTableCellElement } {
  const path = pathText(row.path);
  const tr = el('tr', `diff-row diff-${row.change}${extra}`);
  tr.dataset.path = path;
  const field = el('th');
  field.scope = 'row';
  field.append(el('span', 'diff-label', labelPath(row.path)), el('code', 'diff-path', path));
  tr.append(field);
  return { tr, field };
}

function valueCell(value: unknown, kind: 'before' | 'after'): HTMLTableCellElement {
  const td = el('td', `diff-value diff-${kind}`);
  const text = showValue(value);
  // Long values (a whole object added) stay readable in a <pre>; textContent only.
  td.append(text.length > 120 || text.includes('\n') ? el('pre', 'json', typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : text) : el('span', undefined, text));
  return td;
}

/** A table of changes: readable field name (and raw path), kind of change, before, after; rows coloured by class. */
export function renderDiff(rows: readonly DiffRow[], caption: string = s.diff.caption): HTMLElement {
  if (rows.length === 0) return el('p', 'muted diff-empty', s.diff.noChanges);
  const body = rows.map((row) => {
    const { tr } = diffRowHead(row);
    tr.append(el('td', 'diff-change', CHANGE_LABEL[row.change] ?? row.change), valueCell(row.before, 'before'), valueCell(row.after, 'after'));
    return tr;
  });
  return table(caption, [s.diff.field, s.diff.change, s.diff.before, s.diff.after], body, { className: 'diff' });
}
