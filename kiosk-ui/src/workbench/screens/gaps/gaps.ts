import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import type { FeedbackItem, GapGroup } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import type { View } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime, showValue } from '../../ui/format.js';
import { badge, link, loadingNote, messageArea, section, uniqueId } from '../../ui/widgets.js';
import { renderAttachForm } from './attach-form.js';

/** `#/gaps`: questions the assistant could not answer, grouped, with attach/dismiss; thumbs-down feedback below. */
export function renderGaps(view: View): void {
  view.heading(s.gaps.title);
  view.main.append(el('p', 'hint', s.gaps.intro));
  const groups = el('div', 'gap-groups');
  groups.append(loadingNote());
  const feedback = section(s.gaps.feedback, 'card feedback');
  feedback.node.append(loadingNote());
  view.main.append(groups, feedback.node);

  void api
    .get<{ groups: GapGroup[] }>('/gaps/groups', { status: 'open' }, view.signal)
    .then(({ groups: list }) => {
      groups.replaceChildren();
      if (!list?.length) groups.append(el('p', 'muted', s.gaps.empty));
      for (const group of list ?? []) groups.append(renderGroup(group));
    })
    .catch((error: unknown) => {
      if (!view.signal.aborted) groups.replaceChildren(el('p', 'message message-error', describeError(error)));
    });
  void api
    .get<{ feedback: FeedbackItem[] }>('/feedback', { rating: 'down' }, view.signal)
    .then(({ feedback: items }) => {
      feedback.node.replaceChildren(feedback.heading);
      if (!items?.length) feedback.node.append(el('p', 'muted', s.gaps.feedbackEmpty));
      else feedback.node.append(renderFeedback(items));
    })
    .catch((error: unknown) => {
      if (!view.signal.aborted) feedback.node.replaceChildren(feedback.heading, el('p', 'message message-error', describeError(error)));
    });
}

function renderGroup(group: GapGroup): HTMLElement {
  const card = el('article', 'card gap-group');
  card.dataset.key = group.key;
  const heading = el('h2', undefined, group.label);
  heading.id = uniqueId('h');
  card.setAttribute('aria-labelledby', heading.id);
  const meta = el('p', 'muted');
  meta.append(badge(s.gaps.count(group.count), 'warn'), badge(s.gaps.reasons[group.reason] ?? group.reason, 'muted'), document.createTextNode(` ${s.gaps.last(formatDateTime(group.lastAskedAt))}`));
  const questions = el('ul', 'questions');
  questions.setAttribute('aria-label', s.gaps.questions);
  for (const q of group.questions) {
    const li = el('li');
    li.append(el('q', undefined, q.question), el('span', 'muted', ` — ${formatDateTime(q.createdAt)}`));
    questions.append(li);
  }
  card.append(heading, meta, el('h3', undefined, s.gaps.questions), questions);
  if (group.suggestions.length > 0) {
    const suggestions = el('p', 'suggestions');
    suggestions.append(document.createTextNode(`${s.gaps.suggestions}: `));
    group.suggestions.forEach((sug, i) => {
      if (i > 0) suggestions.append(document.createTextNode(', '));
      suggestions.append(link(sug.title, `#/entries/${encodeURIComponent(sug.id)}`));
    });
    card.append(suggestions);
  } else {
    // None passed the chat's relevance floor: say so rather than show an unrelated procedure.
    card.append(el('p', 'suggestions muted', s.gaps.noSuggestion));
  }
  const message = messageArea();
  const actions = el('div', 'actions');
  const attach = el('button', 'btn primary', s.gaps.attach);
  attach.type = 'button';
  attach.setAttribute('aria-expanded', 'false');
  const dismiss = el('button', 'btn', s.gaps.dismiss);
  dismiss.type = 'button';
  actions.append(attach, dismiss);
  const slot = el('div', 'attach-slot');
  const finish = (text: string) => {
    card.classList.add('done');
    slot.replaceChildren();
    actions.replaceChildren();
    message.show(text, 'ok');
    announce(text, 'ok');
    heading.tabIndex = -1;
    heading.focus();
  };
  attach.addEventListener('click', () => {
    attach.setAttribute('aria-expanded', 'true');
    attach.hidden = true;
    slot.replaceChildren(
      renderAttachForm(group, finish, () => {
        slot.replaceChildren();
        attach.hidden = false;
        attach.setAttribute('aria-expanded', 'false');
        attach.focus();
      }),
    );
    slot.querySelector<HTMLInputElement>('input')?.focus();
  });
  dismiss.addEventListener('click', async () => {
    dismiss.disabled = true;
    try {
      await api.post('/gaps/dismiss', { gapIds: group.gapIds });
      finish(s.gaps.dismissed);
    } catch (error) {
      message.show(describeError(error), 'error');
      dismiss.disabled = false;
    }
  });
  card.append(actions, slot, message.node);
  return card;
}

function renderFeedback(items: FeedbackItem[]): HTMLElement {
  const list = el('ul', 'feedback-list');
  for (const item of items) {
    const li = el('li', 'card inner');
    li.append(el('p', 'muted', formatDateTime(item.createdAt)));
    li.append(el('p', item.comment ? 'comment' : 'muted', item.comment ? `${s.gaps.comment}: ${item.comment}` : s.gaps.noComment));
    const citations = item.citations;
    if (citations.length > 0) {
      const cited = el('p');
      cited.append(document.createTextNode(`${s.gaps.cited}: `));
      citations.forEach((citation, i) => {
        if (i > 0) cited.append(document.createTextNode(', '));
        cited.append(link(citation.title, `#/entries/${encodeURIComponent(citation.id)}`));
      });
      li.append(cited);
    }
    list.append(li);
  }
  return list;
}
