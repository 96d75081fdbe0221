import { ChatTransport } from '../shared/chat-transport.js';
import { button, el } from '../shared/dom.js';
import type { AnswerFrame, ServerFrame } from '../shared/frames.js';
import { SpeechPlayer, type SpeechVoice } from '../shared/speech-player.js';
import { renderCallbackOffer } from './callback-form.js';
import { buildWidgetStyle, pickTextColor } from './widget-style.js';

const TEXT = {
  vi: { open: 'Hỏi trợ lý phường', title: 'Trợ lý Phường', close: 'Đóng', label: 'Bạn cần làm thủ tục gì?', send: 'Gửi', source: 'Nguồn', official: 'Gặp cán bộ', print: 'In tờ khai / Lưu PDF', printNote: 'Liên kết dùng được trong 15 phút.', read: 'Đọc to', stop: 'Dừng đọc', refused: 'Xin lỗi, trợ lý của phường chưa được bật trên trang web này. Bạn vui lòng hỏi trên trang thông tin chính thức của phường, hoặc liên hệ bộ phận một cửa của phường.' },
  en: { open: 'Ask the ward assistant', title: 'Ward Assistant', close: 'Close', label: 'Which procedure do you need?', send: 'Send', source: 'Source', official: 'See an official', print: 'Print / save as PDF', printNote: 'The link works for 15 minutes.', read: 'Read aloud', stop: 'Stop reading', refused: 'Sorry, the ward assistant is not enabled on this website yet. Please ask on the ward’s official website, or contact the ward’s one-stop desk.' },
};

/** Whether this page may use the assistant (`GET /api/widget/check`); a failed check lets the chat itself try. */
async function checkAccess(origin: string): Promise<{ allowed: boolean; page?: string; settings?: string }> {
  try {
    const response = await fetch(`${origin}/api/widget/check`);
    const body = (await response.json()) as { allowed?: boolean; origin?: string | null; settings?: string };
    return { allowed: body.allowed !== false, ...(body.origin ? { page: body.origin } : {}), ...(body.settings ? { settings: body.settings } : {}) };
  } catch {
    return { allowed: true };
  }
}

/** Mounts the floating button and chat panel in a shadow root, talking to the server this script came from. */
function mountWidget(script: HTMLScriptElement): void {
  const origin = new URL(script.src).origin;
  const language = script.dataset.lang === 'en' ? 'en' : 'vi';
  const color = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(script.dataset.color ?? '') ? script.dataset.color! : '#0b4f8a';
  const side = script.dataset.position === 'left' ? 'left' : 'right';
  const text = TEXT[language];

  const host = document.createElement('div');
  host.id = 'ward-assistant-widget';
  // Open (not closed) so assistive technology and browser tests can reach inside; isolation comes from the shadow CSS scope.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = buildWidgetStyle(color, pickTextColor(color), side);

  const launcher = button(text.open, () => toggle(true), 'launcher');
  launcher.setAttribute('aria-expanded', 'false');
  const panel = el('section', 'panel');
  panel.hidden = true;
  panel.setAttribute('aria-label', text.title);
  const header = el('header');
  header.append(el('h2', '', text.title), button(text.close, () => toggle(false), 'close'));
  const log = el('ol', 'log');
  log.setAttribute('aria-live', 'polite');
  const form = el('form');
  const input = el('input');
  input.id = 'ward-question';
  input.maxLength = 1000;
  input.autocomplete = 'off';
  const label = el('label', '', text.label);
  label.htmlFor = input.id;
  const sendButton = el('button', 'btn send', text.send);
  sendButton.type = 'submit';
  form.append(label, input, sendButton);
  panel.append(header, log, form);
  root.append(style, launcher, panel);
  document.body.append(host);

  // Read-aloud: the ward's voice (GET /api/speech/config, allowed to WIDGET_ORIGINS) unless the page sets data-voice.
  const player = new SpeechPlayer({ baseUrl: origin, stateElement: host, onChange: (playing) => {
    for (const node of root.querySelectorAll<HTMLButtonElement>('.read-aloud')) {
      const on = node.dataset.key === playing;
      node.setAttribute('aria-pressed', String(on));
      node.textContent = on ? text.stop : text.read;
    }
  } });
  let voice: SpeechVoice = (['north', 'central', 'south'] as const).find((v) => v === script.dataset.voice) ?? 'north';
  if (!script.dataset.voice) {
    void fetch(`${origin}/api/speech/config`).then((r) => r.json() as Promise<{ voice?: SpeechVoice }>).then((c) => {
      if (c.voice) voice = c.voice;
    }, () => {});
  }
  let answers = 0;
  // Stops on any tap inside the panel but the read-aloud buttons, on typing, and when the panel closes.
  panel.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.read-aloud')) player.stop();
  }, true);
  input.addEventListener('input', () => player.stop());

  // A site not in the ward's list: say so to its owner (console) and to the visitor (politely), never "cannot connect".
  const access = checkAccess(origin);
  void access.then((result) => {
    if (result.allowed) return;
    const page = result.page ?? location.origin;
    const where = `${origin}${result.settings ?? '/admin#/widget-origins'}`;
    console.error(
      `[Trợ lý Phường] Trang ${page} chưa được phép nhúng trợ lý của ${origin}. Quản trị viên phường thêm địa chỉ ${page} tại ${where} ("Trang web nhúng").\n` +
        `[Ward Assistant] This site (${page}) is not allowed to embed the assistant served by ${origin}. A ward administrator adds ${page} in the workbench: ${where}.`,
    );
    host.dataset.refused = 'true';
    add(el('li', 'msg notice', text.refused));
    input.disabled = true;
    sendButton.disabled = true;
  });
  let callbacks = 0;

  const transport = new ChatTransport({ baseUrl: origin, channel: 'widget', language, onFrame: receive, mode: script.dataset.transport === 'http' ? 'http' : 'auto' });
  host.dataset.transport = 'pending';

  function toggle(open: boolean): void {
    if (!open) player.stop();
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    (open ? input : launcher).focus();
  }

  function add(item: HTMLElement): void {
    log.append(item);
    // An answer is shown from its first line (a long one would otherwise open at its end); the citizen's own line
    // just follows the conversation down.
    if (item.classList.contains('assistant')) log.scrollTop += item.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    else log.scrollTop = log.scrollHeight;
  }

  function receive(frame: ServerFrame): void {
    host.dataset.transport = transport.via;
    if (frame.type === 'answer') return add(renderAnswer(frame));
    if (frame.type === 'ticket' || frame.type === 'error') add(el('li', `msg ${frame.type}`, frame.type === 'ticket' ? frame.text : frame.message));
  }

  function renderAnswer(frame: AnswerFrame): HTMLLIElement {
    const item = el('li', 'msg assistant');
    item.append(el('p', '', frame.text));
    // The voices are Vietnamese: a widget in English shows no read-aloud button.
    if (language === 'vi') {
      const key = `answer-${++answers}`;
      const read = button(text.read, () => (player.playing === key ? player.stop() : void player.play(frame.text, voice, key)), 'btn read-aloud');
      read.dataset.key = key;
      read.setAttribute('aria-pressed', 'false');
      item.append(read);
    }
    for (const c of frame.citations) {
      const cite = el('p', 'cite', `${text.source}: ${c.codes.join(', ')} `);
      const link = el('a', '', c.title);
      if (c.url) {
        link.href = c.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
      cite.append(link);
      item.append(cite);
    }
    const buttons = el('div', 'buttons');
    for (const choice of frame.choices ?? []) buttons.append(button(choice.label, () => ask({ type: 'choice', id: choice.id }, choice.label)));
    for (const f of frame.followUps ?? []) buttons.append(button(f.label, () => ask({ type: 'followup', aspect: f.aspect }, f.label)));
    // Said in words, as a visitor would: on the website that gives the ward's contact, never a queue ticket.
    if (frame.handover) buttons.append(button(text.official, () => ask({ type: 'message', text: text.official }, text.official)));
    if (buttons.childElementCount) item.append(buttons);
    if (frame.callback) {
      item.append(renderCallbackOffer({ origin, language, retentionDays: frame.callback.retentionDays, sessionId: () => transport.session, idPrefix: `ward-callback-${++callbacks}` }));
    }
    // A finished form: its page opens in the citizen's own browser, to print or save as PDF (a short-lived link).
    if (frame.dossier?.printUrl) {
      const link = el('a', 'btn print', text.print);
      link.href = new URL(frame.dossier.printUrl, origin).href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const note = el('p', 'print-note', text.printNote);
      item.append(link, note);
    }
    return item;
  }

  function ask(frame: Parameters<ChatTransport['send']>[0], shown: string): void {
    const line = el('li', 'msg citizen');
    line.append(el('p', '', shown));
    add(line);
    transport.send(frame);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    input.value = '';
    void access.then(({ allowed }) => allowed && ask({ type: 'message', text: value.slice(0, 1000) }, value));
  });
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) {
  const start = () => mountWidget(current);
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
