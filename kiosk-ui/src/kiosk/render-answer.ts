import type { AnswerFrame, Aspect, CitationFrame } from '../shared/frames.js';
import { button, el } from '../shared/dom.js';
import { createQrSvg } from '../shared/qr.js';
import { t, type Language } from './i18n.js';

export interface AnswerActions {
  choose(id: string): void;
  followUp(aspect: Aspect): void;
  feedback(messageId: string, rating: 'up' | 'down'): void;
  handover(): void;
  /** Opens the in-page print view of a saved dossier. */
  print?(printUrl: string): void;
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
  // The saved form's print view, reachable from the chat itself (not only from the side panel, below the fold).
  const printUrl = frame.dossier?.printUrl;
  if (printUrl && actions.print) item.append(button(t(language, 'showPrint'), () => actions.print?.(printUrl), 'btn primary print'));
  if (frame.kind !== 'form') item.append(renderFeedback(frame.messageId, language, actions));
  return item;
}

/** The server labels each quick reply for its question ("Đồng ý", "Đúng", "Giữ nguyên"); a bare yes/no falls back. */
function labelChoice(choice: { id: string; label: string }, language: Language): string {
  if (choice.label) return choice.label;
  return choice.id === 'form:no' ? t(language, 'decline') : t(language, 'agree');
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
