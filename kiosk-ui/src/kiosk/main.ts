import { ChatTransport } from '../shared/chat-transport.js';
import { button, el } from '../shared/dom.js';
import type { AnswerFrame, ClientFrame, ServerFrame } from '../shared/frames.js';
import { clearFormView, updateFormView } from './form-view.js';
import { applyLanguage, idleText, QUICK_PROCEDURES, t, type Language } from './i18n.js';
import { watchIdle } from './idle.js';
import { mountKeyboard } from './keyboard.js';
import { renderAnswer } from './render-answer.js';
import { closePrintView, isPrintViewOpen, openPrintView } from './print-view.js';
import { loadSpeechConfig, mountReadAloud } from './read-aloud.js';
import { clearTicketCard, hasTicket, printTicketSlip, relabelTicketCard, showTicketCard } from './ticket-card.js';
import { mountVoiceInput, type VoiceInput } from './voice-input.js';
import './kiosk.css';

// Read at arm's length by older citizens (issue 16): answers start at 24 px, and A+ goes to 38 px.
const FONT_STEPS = [24, 27, 30, 34, 38];
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// All citizen state lives in these variables and the DOM; wipe() resets every one of them.
let language: Language = 'vi';
let fontStep = 0;
let transport: ChatTransport | undefined;
let lastEntryId: string | undefined;

const idleSeconds = Number(document.body.dataset.idleSeconds) || 120;
const idle = watchIdle({
  idleSeconds,
  warnSeconds: Math.min(20, idleSeconds),
  onWarn: (left) => {
    $('idle-text').textContent = idleText(language, left);
    if ($('idle').hidden) {
      $('idle').hidden = false;
      $('idle-stay').focus();
    }
  },
  onCancelWarn: () => ($('idle').hidden = true),
  onIdle: () => wipe(),
});

/** Sends a frame on this citizen's session, opening one (channel kiosk) on first use. */
function send(frame: ClientFrame): void {
  transport ??= new ChatTransport({ baseUrl: location.origin, channel: 'kiosk', language, onFrame: receive });
  transport.send(frame);
  idle.arm();
  showWork();
}

function showWork(): void {
  $('start').hidden = true;
  $('work').hidden = false;
}

function addCitizenLine(text: string): void {
  const item = el('li', 'msg citizen');
  item.append(el('span', 'visually-hidden', `${t(language, 'you')}: `), el('p', 'text', text));
  $('log').append(item);
  item.scrollIntoView({ block: 'end' });
}

function receive(frame: ServerFrame): void {
  switch (frame.type) {
    case 'typing':
      $('typing').hidden = false;
      return;
    case 'answer':
      $('typing').hidden = true;
      return showAnswer(frame);
    case 'ticket':
      showTicketCard(frame.ticket, language);
      $('ticket-number').textContent = String(frame.ticket.number);
      $('ticket-text').textContent = frame.text;
      $('ticket').hidden = false;
      $('ticket-close').focus();
      return;
    case 'feedback_ack': {
      const item = document.querySelector(`[data-message-id="${CSS.escape(frame.messageId)}"] .feedback`);
      item?.append(el('span', 'thanks', t(language, 'thanks')));
      return;
    }
    case 'error':
      $('typing').hidden = true;
      $('log').append(el('li', 'msg error', frame.message));
      return;
    default:
      return;
  }
}

function showAnswer(frame: AnswerFrame): void {
  if (frame.entryId) lastEntryId = frame.entryId;
  if (frame.ticket) showTicketCard(frame.ticket, language);
  const item = renderAnswer(frame, language, {
    choose: (id) => send({ type: 'choice', id }),
    followUp: (aspect) => send({ type: 'followup', aspect }),
    feedback: (messageId, rating) => send({ type: 'feedback', messageId, rating }),
    handover: () => askOfficial(),
    print: (url) => openPrintView(url, language, () => $('question').focus()),
  });
  $('log').append(item);
  readAloud.addAnswer(item, frame.text);
  // Its first line, not its end: a long answer is read from the top (scroll-margin keeps it below the header).
  item.scrollIntoView({ block: 'start' });
  if (frame.kind === 'form' && frame.form) void updateFormView(frame, language);
  // A saved form goes straight to its A4 view, with "In tờ khai" and "Quay lại" in reach.
  if (frame.dossier?.printUrl) openPrintView(frame.dossier.printUrl, language, () => $('question').focus());
}

function askOfficial(): void {
  send({ type: 'handover', ...(lastEntryId ? { topic: lastEntryId } : {}) });
}

/** Ends the session on the server and forgets everything on screen and in storage: the next citizen starts clean. */
function wipe(): void {
  idle.disarm();
  readAloud.reset();
  voiceInput?.reset();
  if (transport) {
    transport.send({ type: 'end' });
    const closing = transport;
    setTimeout(() => closing.close(), 500);
  }
  transport = undefined;
  lastEntryId = undefined;
  $('log').replaceChildren();
  clearFormView();
  closePrintView();
  $('typing').hidden = true;
  $('ticket').hidden = true;
  $('confirm-restart').hidden = true;
  clearTicketCard();
  $('ticket-number').textContent = '';
  $('ticket-text').textContent = '';
  $('idle').hidden = true;
  keyboard.close();
  $<HTMLInputElement>('question').value = '';
  sessionStorage.clear();
  localStorage.clear();
  setLanguage('vi');
  setFontStep(0);
  setContrast(false);
  $('work').hidden = true;
  $('start').hidden = false;
  $('question').focus();
}

/** "Bắt đầu lại" wipes at once, unless a form or a ticket would be lost: then it asks first (issue 16). */
function askRestart(): void {
  if (!hasWork()) return wipe();
  $('confirm-text').textContent = describeLoss(language);
  $('confirm-restart').hidden = false;
  $('confirm-stay').focus();
}

function closeConfirm(): void {
  $('confirm-restart').hidden = true;
  $('restart').focus();
}

/** A form being filled or saved, its print view, or a queue ticket: what "Bắt đầu lại" would take away. */
function hasWork(): boolean {
  return !$('form-view').hidden || isPrintViewOpen() || hasTicket();
}

function describeLoss(lang: Language): string {
  const form = !$('form-view').hidden || isPrintViewOpen();
  return [form ? t(lang, 'confirmForm') : '', hasTicket() ? t(lang, 'confirmTicket') : ''].filter(Boolean).join(' ');
}

function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next;
  applyLanguage(document, next);
  const switcher = $('lang');
  switcher.textContent = t(next, 'langSwitch');
  switcher.lang = next === 'vi' ? 'en' : 'vi';
  relabelTicketCard(next);
  if (!$('confirm-restart').hidden) $('confirm-text').textContent = describeLoss(next);
  document.title = t(next, 'brand');
  keyboard.setLanguage(next);
  readAloud.setLanguage(next);
  voiceInput?.setLanguage(next);
  renderQuickButtons();
}

function setFontStep(step: number): void {
  fontStep = Math.max(0, Math.min(FONT_STEPS.length - 1, step));
  document.documentElement.style.fontSize = `${FONT_STEPS[fontStep]}px`;
}

function setContrast(on: boolean): void {
  document.body.classList.toggle('contrast', on);
  $('contrast').setAttribute('aria-pressed', String(on));
}

function renderQuickButtons(): void {
  $('quick').replaceChildren(
    ...QUICK_PROCEDURES.map((p) => {
      const item = el('li');
      item.append(
        button(p[language], () => {
          addCitizenLine(p[language]);
          send({ type: 'choice', id: p.id });
        }, 'btn quick-btn'),
      );
      return item;
    }),
  );
}

const speechConfig = loadSpeechConfig();
const readAloud = mountReadAloud({ tools: document.querySelector<HTMLElement>('nav.tools')!, config: speechConfig });
let voiceInput: VoiceInput | undefined;
void speechConfig.then((c) => {
  if (!c.transcribe) return;
  voiceInput = mountVoiceInput({ row: document.querySelector<HTMLElement>('.ask-row')!, input: $<HTMLInputElement>('question'), onStart: () => readAloud.stop() });
  voiceInput.setLanguage(language);
});

const keyboard = mountKeyboard({
  form: $<HTMLFormElement>('ask'),
  defaultInput: $<HTMLInputElement>('question'),
  toggleAfter: $('question'),
  language,
});

$('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('question');
  // A USB QR scanner types the whole CCCD string (with "|") and Enter into this input, like a keyboard.
  const text = input.value.trim().slice(0, 1000);
  if (!text) return;
  input.value = '';
  addCitizenLine(text);
  send({ type: 'message', text });
});
$('lang').addEventListener('click', () => {
  setLanguage(language === 'vi' ? 'en' : 'vi');
  // The conversation (and a form in progress) switches too: the only way a form changes language.
  if (transport) transport.send({ type: 'language', language });
});
$('smaller').addEventListener('click', () => setFontStep(fontStep - 1));
$('bigger').addEventListener('click', () => setFontStep(fontStep + 1));
$('contrast').addEventListener('click', () => setContrast(!document.body.classList.contains('contrast')));
$('restart').addEventListener('click', () => askRestart());
$('confirm-stay').addEventListener('click', () => closeConfirm());
$('confirm-wipe').addEventListener('click', () => wipe());
$('confirm-restart').addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeConfirm();
});
$('ticket-print').addEventListener('click', () => printTicketSlip());
$('ticket-card-print').addEventListener('click', () => printTicketSlip());
$('handover').addEventListener('click', () => askOfficial());
$('ticket-close').addEventListener('click', () => {
  $('ticket').hidden = true;
  $('question').focus();
});
$('idle-stay').addEventListener('click', () => idle.touch());

// Answers scroll to their first line below the sticky header and ticket card, whatever their height.
new ResizeObserver(() => document.documentElement.style.setProperty('--top-height', `${$('top').offsetHeight}px`)).observe($('top'));

setLanguage('vi');
setFontStep(0);
