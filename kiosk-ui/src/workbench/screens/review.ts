import { el } from '../../shared/dom.js';
import { api, ApiError, describeError } from '../api/client.js';
import { countOf, titleText, type DiffRow, type DraftSummary, type PublishOutcome, type Reindexed } from '../api/types.js';
import { renderDiff } from '../diff/diff-view.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { can, currentOfficial } from '../session.js';
import { announce } from '../ui/announce.js';
import { formatDateTime } from '../ui/format.js';
import { badge, link, loadingNote, messageArea, uniqueId } from '../ui/widgets.js';

/** `#/review`: open drafts oldest first, each with its diff, Publish / Discard for approvers. */
export async function renderReview(view: View): Promise<void> {
  view.heading(s.review.title);
  const message = messageArea();
  const list = el('div', 'review-list');
  list.append(loadingNote());
  view.main.append(message.node, list);
  let drafts: DraftSummary[];
  try {
    drafts = (await api.get<{ revisions: DraftSummary[] }>('/revisions', { status: 'draft' }, view.signal)).revisions ?? [];
  } catch (error) {
    if (!view.signal.aborted) list.replaceChildren(el('p', 'message message-error', describeError(error)));
    return;
  }
  if (view.signal.aborted) return;
  list.replaceChildren();
  if (drafts.length === 0) list.append(el('p', 'muted', s.review.empty));
  if (drafts.length > 0 && !can('approver')) list.append(el('p', 'message message-info', s.review.approverOnly));
  for (const draft of drafts) list.append(renderDraft(draft));
}

function targetHref(draft: DraftSummary): string {
  return draft.targetKind === 'ward-settings' ? '#/settings' : `#/entries/${encodeURIComponent(draft.targetId ?? '')}`;
}

function renderDraft(draft: DraftSummary): HTMLElement {
  const card = el('article', 'card review-item');
  card.dataset.revisionId = draft.id;
  if (draft.targetId) card.dataset.targetId = draft.targetId;
  const heading = el('h2', undefined, titleText(draft.title, draft.targetId ?? ''));
  heading.id = uniqueId('h');
  heading.tabIndex = -1;
  card.setAttribute('aria-labelledby', heading.id);
  const meta = el('p', 'muted');
  meta.append(
    badge(draft.targetKind === 'ward-settings' ? s.review.kindSettings : s.review.kindEntry, 'info'),
    document.createTextNode(` ${s.review.meta(draft.number, draft.authorName ?? s.empty, formatDateTime(draft.createdAt))} `),
    link(s.review.open, targetHref(draft)),
  );
  card.append(heading, meta);
  if (draft.note) card.append(el('p', 'note', draft.note));
  const diffSlot = el('div', 'diff-slot');
  diffSlot.append(loadingNote());
  const message = messageArea();
  const actions = el('div', 'actions');
  const approver = can('approver');
  const own = draft.authorName !== undefined && draft.authorName === currentOfficial()?.displayName;
  if (approver) {
    const publish = el('button', 'btn primary publish', s.review.publish);
    publish.type = 'button';
    publish.addEventListener('click', () => act(card, actions, message, 'publish', draft));
    actions.append(publish);
  }
  if (approver || own) {
    const discard = el('button', 'btn danger discard', s.review.discard);
    discard.type = 'button';
    discard.addEventListener('click', () => act(card, actions, message, 'discard', draft));
    actions.append(discard);
  }
  card.append(diffSlot, message.node, actions);
  void api
    .get<{ diff: DiffRow[] }>(`/revisions/${encodeURIComponent(draft.id)}`)
    .then((detail) => diffSlot.replaceChildren(renderDiff(detail.diff ?? [], `${s.diff.caption} — #${draft.number}`)))
    .catch((error: unknown) => diffSlot.replaceChildren(el('p', 'message message-error', describeError(error))));
  return card;
}

async function act(card: HTMLElement, actions: HTMLElement, message: ReturnType<typeof messageArea>, action: 'publish' | 'discard', draft: DraftSummary): Promise<void> {
  for (const b of actions.querySelectorAll('button')) b.disabled = true;
  try {
    const result = await api.post<PublishOutcome>(`/revisions/${encodeURIComponent(draft.id)}/${action}`);
    const text = action === 'publish' ? publishedText(result.reindexed) : s.review.discarded;
    message.show(text, 'ok');
    card.classList.add(action === 'publish' ? 'done-published' : 'done-discarded');
    card.dataset.state = action === 'publish' ? 'published' : 'discarded';
    actions.replaceChildren(link(s.review.open, targetHref(draft)));
    announce(text, 'ok');
  } catch (error) {
    const stale = error instanceof ApiError && error.code === 'stale_revision';
    message.show(stale ? `${describeError(error)} ${s.review.stale}` : describeError(error), 'error');
    for (const b of actions.querySelectorAll('button')) b.disabled = false;
  }
}

/** "Published", with the re-index time when the entry was re-indexed (ward settings need none). */
export function publishedText(reindexed: Reindexed | undefined): string {
  if (!reindexed) return s.review.publishedPlain;
  if ('error' in reindexed) return `${s.review.publishedPlain} ${reindexed.error}`;
  return s.review.published(reindexed.ms ?? 0, countOf(reindexed.changed));
}
