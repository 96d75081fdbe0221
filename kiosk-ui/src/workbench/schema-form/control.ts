import { el } from '../../shared/dom.js';
import { humanizeFieldError } from '../i18n/field-errors.js';
import { splitPath } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { uniqueId } from '../ui/widgets.js';
import type { JsonSchema, ResolvedSchema } from './json-schema.js';

/** One generated control (a field, a fieldset, a repeatable list): reads its value and shows its errors. */
export interface Control {
  readonly element: HTMLElement;
  /** The value to send; undefined leaves the key out of the object. */
  read(): unknown;
  /** Its place in the content (`['channels', '0', 'fee', 'text']`); arrays renumber rows after add/remove/move. */
  setPath(keys: string[]): void;
  /** Marks the errors of its current path (and its children's). */
  showErrors(errors: ErrorIndex): void;
  focus(): void;
}

/** What a builder needs to make one control. */
export interface FieldSpec {
  keys: string[];
  label: string;
  required: boolean;
  resolved: ResolvedSchema;
  value: unknown;
  root: JsonSchema;
  /** Set for the rows of a list: the label is "Mục n" and the row's own buttons sit beside it. */
  itemIndex?: number;
  /** Dot paths shown but not editable (the entry id, dates the server stamps). */
  readOnly?: ReadonlySet<string>;
}

/** True when this field is one the official sees but does not edit. */
export function isReadOnly(spec: FieldSpec): boolean {
  return spec.readOnly?.has(spec.keys.join('.')) ?? false;
}

/** The 400 `errors[]` of the API by path (`content.` prefix and bracket indices normalised), claimed by controls. */
export class ErrorIndex {
  private readonly byPath = new Map<string, string[]>();
  /** Path → the control showing it, for the summary's links. */
  readonly targets = new Map<string, HTMLElement>();
  readonly all: { path: string; message: string }[];

  constructor(errors: readonly { field: string; message: string }[]) {
    this.all = errors.map((e) => ({ path: splitPath(String(e.field ?? '')).join('.'), message: humanizeFieldError(e.message) }));
    for (const { path, message } of this.all) this.byPath.set(path, [...(this.byPath.get(path) ?? []), message]);
  }

  /** The messages for `path`; remembers `target` as where they are shown. */
  take(path: string, target: HTMLElement): string[] {
    const messages = this.byPath.get(path) ?? [];
    if (messages.length > 0) this.targets.set(path, target);
    return messages;
  }
}

/** The label, hint and error line around a field, and the bookkeeping of `aria-invalid`/`aria-describedby`. */
export class FieldShell {
  readonly wrap: HTMLDivElement;
  readonly label: HTMLLabelElement;
  private readonly error: HTMLParagraphElement;
  private readonly hintId: string | undefined;
  private keys: string[];

  constructor(
    spec: FieldSpec,
    readonly control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  ) {
    this.keys = spec.keys;
    this.wrap = el('div', 'field');
    control.id = uniqueId('fld');
    this.label = el('label', 'label');
    this.label.htmlFor = control.id;
    // A row of a list is labelled "Mục n" (renumbered by the list); every row is required, so no star there.
    const isRow = spec.itemIndex !== undefined;
    this.setLabel(isRow ? s.editor.itemN(spec.itemIndex! + 1) : spec.label, spec.required && !isRow);
    this.wrap.append(this.label);
    const hintText = isReadOnly(spec) ? s.editor.readOnlyHint : spec.resolved.schema.description;
    if (hintText) {
      const hint = el('p', 'hint', hintText);
      this.hintId = hint.id = uniqueId('hint');
      this.wrap.append(hint);
    }
    if (spec.required) control.setAttribute('aria-required', 'true');
    if (isReadOnly(spec)) {
      if (control instanceof HTMLSelectElement || (control instanceof HTMLInputElement && control.type === 'checkbox')) control.disabled = true;
      else control.readOnly = true;
    }
    this.error = el('p', 'field-error');
    this.error.id = uniqueId('err');
    this.error.hidden = true;
    this.wrap.append(control, this.error);
    this.describe(false);
    this.setPath(spec.keys);
  }

  /** Sets the visible label with a required marker (a star, and words for screen readers). */
  setLabel(text: string, required: boolean): void {
    this.label.replaceChildren(document.createTextNode(text));
    if (required) {
      const star = el('span', 'required-mark', ' *');
      star.setAttribute('aria-hidden', 'true');
      this.label.append(star, el('span', 'visually-hidden', ` ${s.required}`));
    }
  }

  setPath(keys: string[]): void {
    this.keys = keys;
    this.wrap.dataset.path = keys.join('.');
    this.control.name = keys.join('.');
  }

  showErrors(errors: ErrorIndex): void {
    const messages = errors.take(this.keys.join('.'), this.control);
    this.error.textContent = messages.join(' ');
    this.error.hidden = messages.length === 0;
    this.wrap.classList.toggle('invalid', messages.length > 0);
    if (messages.length > 0) this.control.setAttribute('aria-invalid', 'true');
    else this.control.removeAttribute('aria-invalid');
    this.describe(messages.length > 0);
  }

  private describe(withError: boolean): void {
    const ids = [this.hintId, withError ? this.error.id : undefined].filter(Boolean).join(' ');
    if (ids) this.control.setAttribute('aria-describedby', ids);
    else this.control.removeAttribute('aria-describedby');
  }
}

/** The error line of a fieldset (an error about a whole list or object, e.g. "needs at least 5 aliases"). */
export class GroupErrors {
  readonly node: HTMLParagraphElement;

  constructor(private readonly owner: HTMLElement) {
    this.node = el('p', 'field-error');
    this.node.id = uniqueId('err');
    this.node.hidden = true;
  }

  show(errors: ErrorIndex, path: string): void {
    const messages = errors.take(path, this.owner);
    this.node.textContent = messages.join(' ');
    this.node.hidden = messages.length === 0;
    this.owner.classList.toggle('invalid', messages.length > 0);
    if (messages.length > 0) this.owner.setAttribute('aria-describedby', this.node.id);
    else this.owner.removeAttribute('aria-describedby');
  }
}

/** The first keyboard-focusable control inside `root`. */
export function focusFirst(root: HTMLElement): void {
  const target = root.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)');
  (target ?? root).focus();
}
