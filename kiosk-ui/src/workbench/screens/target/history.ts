import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import type { DiffRow, PublishOutcome, RevisionSummary } from '../../api/types.js';
import { renderDiff } from '../../diff/diff-view.js';
import { s } from '../../i18n/strings.js';
import { can } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime } from '../../ui/format.js';
import { badge, labelled, loadingNote, messageArea, section } from '../../ui/widgets.js';

export interface HistoryOptions {
  revisions: RevisionSummary[];
  currentRevisionId: string | null;
  /** Whether a shipped file exists to go back to. */
  hasBaseline: boolean;
  /** POST path of the rollback (`/knowledge/entries/:id/rollback` or `/ward-settings/rollback`). */
  rollbackPath: string;
  /** Reloads the page after a rollback, showing `text`. */
  onChanged(text: string): void;
}

/** "Lịch sử sửa đổi": every revision newest first, its diff on demand, and the approver's rollback buttons. */
export function renderHistory(options: HistoryOptions): HTMLElement {
  const { node } = section(s.target.history, 'card history');
  const message = messageArea();
  node.append(message.node);
  const approver = can('approver');
  if (approver && options.currentRevisionId !== null && options.hasBaseline) {
    node.append(rollbackControl(s.target.rollbackBaseline, s.target.baselineName, 'baseline', options, message));
  }
  if (options.revisions.length === 0) {
    node.append(el('p', 'muted', s.none));
    return node;
  }
  const list = el('ol', 'revisions');
  for (const revision of options.revisions) list.append(renderRevision(revision, options, approver, message));
  node.append(list);
  return node;
}

function renderRevision(revision: RevisionSummary, options: HistoryOptions, approver: boolean, message: ReturnType<typeof messageArea>): HTMLLIElement {
  const item = el('li', `revision status-${revision.status}`);
  item.dataset.revisionId = revision.id;
  const head = el('div', 'revision-head');
  head.append(el('strong', undefined, `#${revision.number}`), badge(s.revisionStatus[revision.status] ?? revision.status, revision.status === 'published' ? 'ok' : revision.status === 'draft' ? 'warn' : 'muted'));
  if (revision.id === options.currentRevisionId) head.append(badge(s.target.inForce, 'info'));
  const meta = [`${revision.authorName ?? s.empty}, ${formatDateTime(revision.createdAt)}`];
  if (revision.publishedAt) meta.push(`${s.target.colPublished}: ${revision.publishedByName ?? ''} ${formatDateTime(revision.publishedAt)}`.trim());
  if (revision.restoresRevisionId) {
    const restored = revision.restoresRevisionId === 'baseline' ? s.target.baselineName : (options.revisions.find((r) => r.id === revision.restoresRevisionId)?.number ?? '?');
    meta.push(s.target.restores(typeof restored === 'number' ? s.target.revisionName(restored) : String(restored)));
  }
  head.append(el('span', 'muted', meta.join(' · ')));
  item.append(head);
  if (revision.note) item.append(el('p', 'note', revision.note));
  const tools = el('div', 'actions');
  const diffSlot = el('div', 'diff-slot');
  diffSlot.hidden = true;
  const toggle = el('button', 'btn small', s.target.showDiff);
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', async () => {
    const open = diffSlot.hidden;
    diffSlot.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? s.target.hideDiff : s.target.showDiff;
    if (!open || diffSlot.childElementCount > 0) return;
    diffSlot.append(loadingNote());
    try {
      const detail = await api.get<{ diff: DiffRow[] }>(`/revisions/${encodeURIComponent(revision.id)}`);
      diffSlot.replaceChildren(renderDiff(detail.diff ?? [], `${s.diff.caption} — #${revision.number}`));
    } catch (error) {
      diffSlot.replaceChildren(el('p', 'message message-error', describeError(error)));
    }
  });
  tools.append(toggle);
  if (approver && revision.status === 'published' && revision.id !== options.currentRevisionId) {
    tools.append(rollbackControl(s.target.rollback, s.target.revisionName(revision.number), revision.id, options, message));
  }
  item.append(tools, diffSlot);
  return item;
}

/** A rollback button that first asks, inline, for confirmation and an optional note (no browser dialogs). */
function rollbackControl(label: string, what: string, to: string, options: HistoryOptions, message: ReturnType<typeof messageArea>): HTMLElement {
  const wrap = el('div', 'rollback');
  const start = el('button', 'btn small', label);
  start.type = 'button';
  start.dataset.rollback = to;
  const confirmBox = el('div', 'confirm');
  confirmBox.hidden = true;
  const note = el('input');
  note.type = 'text';
  note.maxLength = 500;
  const yes = el('button', 'btn primary small', s.target.rollbackConfirm);
  yes.type = 'button';
  const no = el('button', 'btn small', s.cancel);
  no.type = 'button';
  confirmBox.append(el('p', undefined, s.target.rollbackAsk(what)), labelled(s.target.rollbackNote, note), yes, no);
  start.addEventListener('click', () => {
    confirmBox.hidden = false;
    start.setAttribute('aria-expanded', 'true');
    note.focus();
  });
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
    start.setAttribute('aria-expanded', 'false');
    start.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      const result = await api.post<PublishOutcome>(options.rollbackPath, { to, baseRevisionId: options.currentRevisionId, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
      // Only entries are re-indexed; a rollback of the ward settings or a situation has no index to report.
      const text = !result.reindexed ? s.review.publishedPlain : 'error' in result.reindexed ? `${s.review.publishedPlain} ${result.reindexed.error}` : s.target.rolledBack(result.reindexed.ms);
      announce(text, 'ok');
      options.onChanged(text);
    } catch (error) {
      message.show(describeError(error), 'error');
      yes.disabled = false;
    }
  });
  start.setAttribute('aria-expanded', 'false');
  wrap.append(start, confirmBox);
  return wrap;
}
