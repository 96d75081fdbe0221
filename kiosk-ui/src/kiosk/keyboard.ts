import { el } from '../shared/dom.js';
import { t, type Language, type StringKey } from './i18n.js';

/**
 * The kiosk's own on-screen keyboard: real buttons that type into the focused text input (the question box by
 * default). It never listens to keydown, so the physical keyboard and the USB QR scanner keep working unchanged.
 */

/** The five Vietnamese tone marks as Unicode combining characters. */
export const TONE_MARKS = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
} as const;
type Tone = keyof typeof TONE_MARKS;
const ALL_TONES: string[] = Object.values(TONE_MARKS);
const TONE_LABEL: Record<Tone, StringKey> = { sac: 'toneSac', huyen: 'toneHuyen', hoi: 'toneHoi', nga: 'toneNga', nang: 'toneNang' };

/** Letters that carry the tone whenever the word has one (a simple rule; the server normalises placement anyway). */
const MARKED_VOWELS = 'ơưêôâăƠƯÊÔÂĂ';
const VOWELS = 'aeiouyAEIOUY';

/**
 * Puts `mark` on a word: on its last ơ/ư/ê/ô/â/ă if it has one, else on its last vowel; composed to NFC.
 * A tone already on the word is replaced; the same tone tapped again is removed. A word without a vowel is unchanged.
 */
export function applyTone(word: string, mark: string): string {
  const decomposed = [...word.normalize('NFD')];
  const existing = decomposed.find((c) => ALL_TONES.includes(c));
  const bare = [...decomposed.filter((c) => !ALL_TONES.includes(c)).join('').normalize('NFC')];
  if (existing === mark) return bare.join('');
  let index = bare.findLastIndex((c) => MARKED_VOWELS.includes(c));
  if (index < 0) index = bare.findLastIndex((c) => VOWELS.includes(c));
  if (index < 0) return word;
  bare.splice(index + 1, 0, mark);
  return bare.join('').normalize('NFC');
}

type TextField = HTMLInputElement | HTMLTextAreaElement;
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email']);

function isTextField(node: unknown): node is TextField {
  if (node instanceof HTMLTextAreaElement) return !node.readOnly && !node.disabled;
  return node instanceof HTMLInputElement && TEXT_TYPES.has(node.type) && !node.readOnly && !node.disabled;
}

/** Replaces [start, end) of the field's value with `text`, caret after it, and fires `input` like typing does. */
function replaceRange(field: TextField, text: string, start: number, end: number, inputType: string): void {
  if (field.maxLength > 0 && field.value.length - (end - start) + text.length > field.maxLength) return;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: text || null }));
}

function caret(field: TextField): { start: number; end: number } {
  const start = field.selectionStart ?? field.value.length;
  return { start, end: field.selectionEnd ?? start };
}

type Key =
  | { kind: 'char'; text: string; label?: StringKey; wide?: boolean }
  | { kind: 'tone'; tone: Tone; glyph: string }
  | { kind: 'backspace' }
  | { kind: 'send' };

const chars = (row: string): Key[] => [...row].map((text) => ({ kind: 'char', text }));
const ROWS: Key[][] = [
  chars('1234567890'),
  chars('qwertyuiop'),
  chars('asdfghjkl'),
  chars('zxcvbnm'),
  chars('ăâđêôơư'),
  (Object.keys(TONE_MARKS) as Tone[]).map((tone) => ({ kind: 'tone', tone, glyph: `\u25CC${TONE_MARKS[tone]}` })),
  [{ kind: 'char', text: ' ', label: 'space', wide: true }, { kind: 'char', text: '/', label: 'slash' }, { kind: 'backspace' }, { kind: 'send' }],
];

export interface OnScreenKeyboard {
  open(): void;
  close(): void;
  setLanguage(language: Language): void;
  isOpen(): boolean;
}

export interface KeyboardOptions {
  /** The question form: the panel goes at its end, "Gửi" submits it unless the focused field has a form of its own. */
  form: HTMLFormElement;
  /** The field typed into until the citizen focuses another text input. */
  defaultInput: TextField;
  /** The toggle goes right after this element (the question input). */
  toggleAfter: HTMLElement;
  language: Language;
}

/** Mounts the toggle and the (closed) keyboard panel. */
export function mountKeyboard(options: KeyboardOptions): OnScreenKeyboard {
  let language = options.language;
  let target: TextField = options.defaultInput;
  const savedInputMode = options.defaultInput.getAttribute('inputmode');

  const toggle = el('button', 'btn osk-toggle');
  toggle.type = 'button';
  toggle.id = 'osk-toggle';
  toggle.setAttribute('aria-controls', 'osk');
  toggle.setAttribute('aria-expanded', 'false');
  options.toggleAfter.after(toggle);

  const panel = el('div', 'osk');
  panel.id = 'osk';
  panel.setAttribute('role', 'group');
  panel.hidden = true;
  options.form.append(panel);

  // Remember the last text field the citizen used, so keys type where the caret was.
  document.addEventListener('focusin', (event) => {
    if (isTextField(event.target) && !panel.contains(event.target)) target = event.target;
  });
  // A tap on a key or the toggle must not take the focus (and the caret) away from the field.
  for (const node of [panel, toggle]) node.addEventListener('mousedown', (event) => event.preventDefault());

  const field = (): TextField => (target.isConnected && isTextField(target) ? target : options.defaultInput);

  function press(key: Key): void {
    const f = field();
    const { start, end } = caret(f);
    switch (key.kind) {
      case 'char':
        return replaceRange(f, key.text, start, end, 'insertText');
      case 'backspace': {
        if (start !== end) return replaceRange(f, '', start, end, 'deleteContentBackward');
        if (start === 0) return;
        const from = start >= 2 && /[\uDC00-\uDFFF]/.test(f.value[start - 1] ?? '') ? start - 2 : start - 1;
        return replaceRange(f, '', from, start, 'deleteContentBackward');
      }
      case 'tone': {
        const word = /[\p{L}\p{M}]+$/u.exec(f.value.slice(0, start))?.[0];
        if (!word) return;
        const marked = applyTone(word, TONE_MARKS[key.tone]);
        if (marked !== word) replaceRange(f, marked, start - word.length, start, 'insertReplacementText');
        return;
      }
      case 'send': {
        const form = f.form ?? options.form;
        close();
        f.focus({ preventScroll: true });
        form.requestSubmit();
        return;
      }
    }
  }

  function keyButton(key: Key): HTMLButtonElement {
    const node = el('button', 'osk-key');
    node.type = 'button';
    switch (key.kind) {
      case 'char':
        // The space key shows its name; every other key shows what it types.
        node.textContent = key.text === ' ' && key.label ? t(language, key.label) : key.text;
        if (key.label) node.setAttribute('aria-label', t(language, key.label));
        if (key.wide) node.classList.add('osk-wide');
        break;
      case 'tone': {
        const name = t(language, TONE_LABEL[key.tone]);
        node.setAttribute('aria-label', name);
        node.classList.add('osk-tone');
        node.dataset.tone = key.tone;
        node.append(el('span', 'osk-glyph', key.glyph), el('span', 'osk-name', name.replace(/^dấu /, '')));
        for (const child of node.children) child.setAttribute('aria-hidden', 'true');
        break;
      }
      case 'backspace':
        node.textContent = '⌫';
        node.setAttribute('aria-label', t(language, 'backspace'));
        node.classList.add('osk-action');
        break;
      case 'send':
        node.textContent = t(language, 'send');
        node.classList.add('osk-send');
        break;
    }
    node.addEventListener('click', (event) => {
      press(key);
      // Pointer taps leave the focus in the field; keyboard users (detail 0) stay on the key they pressed.
      if (key.kind !== 'send' && event.detail > 0) field().focus({ preventScroll: true });
    });
    return node;
  }

  function render(): void {
    toggle.textContent = t(language, 'keyboard');
    panel.setAttribute('aria-label', t(language, 'keyboardLabel'));
    panel.replaceChildren(
      ...ROWS.map((row) => {
        const line = el('div', 'osk-row');
        line.append(...row.map(keyButton));
        return line;
      }),
    );
  }

  function open(): void {
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    // The kiosk's own keys replace the OS one on the question box; a physical keyboard or scanner still types.
    options.defaultInput.setAttribute('inputmode', 'none');
  }

  function close(): void {
    const hadFocus = panel.contains(document.activeElement);
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (savedInputMode === null) options.defaultInput.removeAttribute('inputmode');
    else options.defaultInput.setAttribute('inputmode', savedInputMode);
    if (hadFocus) toggle.focus({ preventScroll: true });
  }

  toggle.addEventListener('click', (event) => {
    if (panel.hidden) {
      open();
      if (event.detail > 0) field().focus({ preventScroll: true });
    } else close();
  });

  render();
  return {
    open,
    close,
    setLanguage(next) {
      language = next;
      render();
    },
    isOpen: () => !panel.hidden,
  };
}
