import { el } from '../../shared/dom.js';
import { s } from '../i18n/strings.js';
import { describeError } from '../api/client.js';

let nextId = 0;

/** A fresh element id, unique in the page. */
export function uniqueId(prefix = 'f'): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A link inside the workbench (`#/…`) or to an API resource. */
export function link(text: string, href: string, className?: string): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

/** A labelled form control in a `.field` wrapper; the label is tied to the control by id. */
export function labelled(text: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLDivElement {
  control.id ||= uniqueId();
  const wrap = el('div', 'field');
  const label = el('label', 'label', text);
  label.htmlFor = control.id;
  wrap.append(label);
  if (hint) {
    const hintEl = el('p', 'hint', hint);
    hintEl.id = uniqueId('hint');
    control.setAttribute('aria-describedby', hintEl.id);
    wrap.append(hintEl);
  }
  wrap.append(control);
  return wrap;
}

/** An `<input>` with a name, type and value. */
export function input(name: string, type = 'text', value = ''): HTMLInputElement {
  const node = el('input');
  node.name = name;
  node.type = type;
  node.value = value;
  return node;
}

/** A `<select>` of `[value, label]` options. */
export function select(name: string, options: readonly (readonly [string, string])[], value = ''): HTMLSelectElement {
  const node = el('select');
  node.name = name;
  for (const [optionValue, label] of options) {
    const option = el('option', undefined, label);
    option.value = optionValue;
    node.append(option);
  }
  node.value = value;
  return node;
}

/** A checkbox with its label after it. */
export function checkbox(name: string, text: string, checked = false): { wrap: HTMLDivElement; box: HTMLInputElement } {
  const box = input(name, 'checkbox');
  box.checked = checked;
  box.id = uniqueId();
  const wrap = el('div', 'check');
  const label = el('label', undefined, text);
  label.htmlFor = box.id;
  wrap.append(box, label);
  return { wrap, box };
}

/**
 * A table with a caption (visually hidden when `hideCaption`), a header row and body rows — cells or text, or rows
 * built by the caller when they carry classes, data or a row header.
 */
export function table(caption: string, headers: readonly string[], rows: readonly (HTMLTableRowElement | readonly (Node | string)[])[], options: { hideCaption?: boolean; className?: string } = {}): HTMLTableElement {
  const node = el('table', `table${options.className ? ` ${options.className}` : ''}`);
  node.append(el('caption', options.hideCaption ? 'visually-hidden' : undefined, caption));
  const head = el('thead');
  const headRow = el('tr');
  for (const header of headers) {
    const th = el('th', undefined, header);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  for (const row of rows) {
    if (row instanceof HTMLTableRowElement) {
      body.append(row);
      continue;
    }
    const tr = el('tr');
    for (const cell of row) {
      const td = el('td');
      if (typeof cell === 'string') td.textContent = cell;
      else td.append(cell);
      tr.append(td);
    }
    body.append(tr);
  }
  node.append(head, body);
  return node;
}

/** A small button acting on one row's item; `data-<key>` and `data-action` let a refresh give the focus back to it. */
export function rowAction(key: string, id: string, action: string, text: string, label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const button = el('button', `btn small${primary ? ' primary' : ''}`, text);
  button.type = 'button';
  button.dataset[key] = id;
  button.dataset.action = action;
  button.setAttribute('aria-label', label);
  button.addEventListener('click', onClick);
  return button;
}

/** Replaces a refreshed list without throwing the official's focus away: the same item's same action gets it back. */
export function replaceKeepingFocus(body: HTMLElement, next: Node, key: string): void {
  const focused = document.activeElement as HTMLElement | null;
  const keep = focused && body.contains(focused) ? { id: focused.dataset[key], action: focused.dataset.action } : undefined;
  body.replaceChildren(next);
  if (keep?.id) body.querySelector<HTMLElement>(`[data-${key}="${CSS.escape(keep.id)}"][data-action="${keep.action ?? ''}"]`)?.focus();
}

/** A small status badge. */
export function badge(text: string, tone: 'ok' | 'warn' | 'info' | 'muted' = 'info'): HTMLSpanElement {
  return el('span', `badge badge-${tone}`, text);
}

/** An inline message area under a form: `role="alert"` for errors, a polite live region otherwise. */
export function messageArea(): { node: HTMLDivElement; show(text: string, tone?: 'error' | 'ok' | 'info'): void; clear(): void } {
  const node = el('div', 'message');
  node.setAttribute('aria-live', 'polite');
  node.hidden = true;
  return {
    node,
    show(text, tone = 'info') {
      node.className = `message message-${tone}`;
      node.setAttribute('role', tone === 'error' ? 'alert' : 'status');
      node.textContent = text;
      node.hidden = false;
    },
    clear() {
      node.textContent = '';
      node.hidden = true;
    },
  };
}

/** A section with an h2 (and an id tying them for screen readers). */
export function section(title: string, className = 'card', level: 'h2' | 'h3' = 'h2'): { node: HTMLElement; heading: HTMLHeadingElement } {
  const node = el('section', className);
  const heading = el(level, undefined, title);
  heading.id = uniqueId('h');
  node.setAttribute('aria-labelledby', heading.id);
  node.append(heading);
  return { node, heading };
}

/** A "Loading…" paragraph to replace once the data is there. */
export function loadingNote(): HTMLParagraphElement {
  const node = el('p', 'muted', s.loading);
  node.setAttribute('role', 'status');
  return node;
}

/** Shows `text` as the value, or a dash when empty. */
export function orDash(value: unknown): string {
  return value === undefined || value === null || value === '' ? s.empty : String(value);
}

/**
 * A filtered list screen's loading: `load` runs now and again on each submit of the filter form; when it fails the
 * list is emptied and the reason shown, unless the official has left the screen meanwhile.
 */
export function loadFiltered(
  form: HTMLFormElement,
  { body, message, signal }: { body: HTMLElement; message: ReturnType<typeof messageArea>; signal: AbortSignal },
  load: () => Promise<void>,
): void {
  const run = async () => {
    try {
      await load();
    } catch (error) {
      if (signal.aborted) return;
      body.replaceChildren();
      message.show(describeError(error), 'error');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  void run();
}
