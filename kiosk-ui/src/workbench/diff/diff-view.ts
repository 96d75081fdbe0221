import { el } from '../../shared/dom.js';
import type { DiffRow } from '../api/types.js';
import { labelPath } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { showValue } from '../ui/format.js';

const CHANGE_LABEL: Record<DiffRow['change'], string> = { added: s.diff.added, removed: s.diff.removed, changed: s.diff.changed };

/** The raw dot path of a row as the API sent it (string or key list). */
export function pathText(path: DiffRow['path']): string {
  return Array.isArray(path) ? path.join('.') : String(path);
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
  const table = el('table', 'table diff');
  table.append(el('caption', undefined, caption));
  const head = el('tr');
  for (const header of [s.diff.field, s.diff.change, s.diff.before, s.diff.after]) {
    const th = el('th', undefined, header);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of rows) {
    const tr = el('tr', `diff-row diff-${row.change}`);
    tr.dataset.path = pathText(row.path);
    const field = el('th');
    field.scope = 'row';
    field.append(el('span', 'diff-label', labelPath(row.path)), el('code', 'diff-path', pathText(row.path)));
    tr.append(field, el('td', 'diff-change', CHANGE_LABEL[row.change] ?? row.change), valueCell(row.before, 'before'), valueCell(row.after, 'after'));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}
