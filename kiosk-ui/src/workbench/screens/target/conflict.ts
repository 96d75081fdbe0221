import { el } from '../../../shared/dom.js';
import { diffValues, valueAt } from '../../diff/diff.js';
import { diffRowHead, pathText } from '../../diff/diff-view.js';
import { s } from '../../i18n/strings.js';
import { showValue } from '../../ui/format.js';
import { table, uniqueId } from '../../ui/widgets.js';

export interface ConflictOptions {
  /** The published content the official started from. */
  base: unknown;
  /** The newer published content (`current.entry` of the 409). */
  newer: unknown;
  /** What the official typed. */
  mine: unknown;
  onRestart(): void;
  onKeepMine(): void;
}

/**
 * The 409 `stale_revision` panel: which fields the newer published version changed since the official started,
 * side by side with what they typed (rows both changed are marked), the whole newer content on demand, and the two
 * ways on: start again from the newer version, or keep theirs and save it on top of the newer one.
 */
export function renderConflict(options: ConflictOptions): HTMLElement {
  const panel = el('section', 'card conflict');
  const heading = el('h3', undefined, s.editor.conflictTitle);
  heading.id = uniqueId('h');
  heading.tabIndex = -1;
  panel.setAttribute('aria-labelledby', heading.id);
  panel.append(heading, el('p', undefined, s.editor.conflictIntro));
  const theirs = diffValues(options.base, options.newer);
  const mineChanged = new Set(diffValues(options.base, options.mine).map((row) => pathText(row.path)));
  if (theirs.length === 0) {
    panel.append(el('p', 'muted', s.editor.conflictNone));
  } else {
    const rows = theirs.map((row) => {
      const path = pathText(row.path);
      const both = mineChanged.has(path);
      const { tr, field } = diffRowHead(row, both ? ' diff-both' : '');
      if (both) field.append(el('span', 'badge badge-warn', s.editor.conflictBoth));
      tr.append(field, el('td', 'diff-before', showValue(row.before)), el('td', 'diff-after', showValue(row.after)), el('td', 'diff-mine', showValue(valueAt(options.mine, path))));
      return tr;
    });
    const headers = [s.editor.conflictField, s.editor.conflictBase, s.editor.conflictNewer, s.editor.conflictMine];
    panel.append(table(s.editor.conflictTitle, headers, rows, { className: 'diff conflict-table' }));
  }
  const details = el('details', 'newer-full');
  details.append(el('summary', undefined, s.editor.conflictFull), el('pre', 'json', JSON.stringify(options.newer, null, 2)));
  const actions = el('div', 'actions');
  const restart = el('button', 'btn', s.editor.restart);
  restart.type = 'button';
  restart.addEventListener('click', options.onRestart);
  const keep = el('button', 'btn primary', s.editor.keepMine);
  keep.type = 'button';
  keep.addEventListener('click', options.onKeepMine);
  actions.append(restart, keep);
  panel.append(details, actions);
  queueMicrotask(() => heading.focus());
  return panel;
}
