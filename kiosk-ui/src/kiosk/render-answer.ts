import type { AnswerFrame, CitationFrame } from '../shared/frames.js';
import { button, el } from '../shared/dom.js';
import { createQrSvg } from '../shared/qr.js';
import { t, type Language } from './i18n.js';

export interface AnswerActions {
  choose(id: string): void;
  followUp(aspect: string): void;
  feedback(messageId: string, rating: 'up' | 'down'): void;
  handover(): void;
}

/** One answer of the assistant as a list item: plain text, citation cards with QR, and its buttons. */
export function renderAnswer(frame: AnswerFrame, language: Language, actions: AnswerActions): HTMLLIElement {
  const item = el('li', `msg assistant kind-${frame.kind}`);
  item.dataset.messageId = frame.messageId;
  item.append(el('span', 'visually-hidden', `${t(language, 'assistant')}: `), el('p', 'text', frame.text));
  if (frame.citations.length > 0) item.append(renderCitations(frame.citations, language));
  if (frame.choices?.length) {
    const group = el('div', 'choices');
    for (const choice of frame.choices) group.append(button(labelChoice(choice, language), () => actions.choose(choice.id), 'btn choice'));
    item.append(group);
  }
  if (frame.followUps?.length) {
    const group = el('div', 'followups');
    for (const f of frame.followUps) group.append(button(f.label, () => actions.followUp(f.aspect), 'btn followup'));
    item.append(group);
  }
  if (frame.handover) item.append(button(t(language, 'handover'), actions.handover, 'btn officer'));
  if (frame.kind !== 'form') item.append(renderFeedback(frame.messageId, language, actions));
  return item;
}

/** The consent buttons carry the words of the notice (agree / no) whatever label the server gave them. */
function labelChoice(choice: { id: string; label: string }, language: Language): string {
  if (choice.id === 'form:yes') return t(language, 'agree');
  if (choice.id === 'form:no') return t(language, 'decline');
  return choice.label;
}

function renderCitations(citations: CitationFrame[], language: Language): HTMLElement {
  const list = el('ul', 'citations');
  list.setAttribute('aria-label', t(language, 'sources'));
  for (const c of citations) {
    const card = el('li', 'citation');
    const body = el('div', 'citation-body');
    body.append(el('p', 'citation-title', c.title));
    if (c.codes.length) body.append(el('p', 'citation-code', `${t(language, 'code')}: ${c.codes.join(', ')}`));
    if (c.url) body.append(el('p', 'citation-url', c.url));
    card.append(body);
    if (c.url) {
      const url = c.url;
      void createQrSvg(url, `${t(language, 'scan')}: ${c.title}`).then((svg) => svg && card.append(svg));
    }
    list.append(card);
  }
  return list;
}

function renderFeedback(messageId: string, language: Language, actions: AnswerActions): HTMLElement {
  const group = el('div', 'feedback');
  // Words, not emoji: kiosk machines often have no emoji font.
  const up = button(t(language, 'helpful'), () => send('up'), 'btn thumb');
  const down = button(t(language, 'notHelpful'), () => send('down'), 'btn thumb');
  function send(rating: 'up' | 'down'): void {
    actions.feedback(messageId, rating);
    (rating === 'up' ? up : down).setAttribute('aria-pressed', 'true');
    up.disabled = true;
    down.disabled = true;
  }
  group.append(up, down);
  return group;
}
