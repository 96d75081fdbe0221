import { el } from '../../shared/dom.js';
import { isLongText, labelEnum } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { uniqueId } from '../ui/widgets.js';
import { FieldShell, GroupErrors, type Control, type ErrorIndex, type FieldSpec } from './control.js';
import { resolveSchema } from './json-schema.js';

/** What an emptied field sends: null when the schema allows it, '' when required (so the API says what is missing). */
function emptyValue(spec: FieldSpec): unknown {
  if (spec.resolved.nullable) return null;
  return spec.required ? '' : undefined;
}

/** A text field: an input, or a textarea for long text; `format` picks date/url/email inputs. */
export function buildStringControl(spec: FieldSpec): Control {
  const value = typeof spec.value === 'string' ? spec.value : spec.value === undefined || spec.value === null ? '' : String(spec.value);
  const { schema } = spec.resolved;
  const long = isLongText(spec.keys) || value.length > 90 || (schema.maxLength ?? 0) > 300;
  let control: HTMLInputElement | HTMLTextAreaElement;
  if (long) {
    control = el('textarea');
    control.rows = Math.min(8, Math.max(2, Math.ceil(value.length / 90)));
  } else {
    control = el('input');
    control.type = schema.format === 'date' ? 'date' : schema.format === 'uri' || schema.format === 'url' ? 'url' : schema.format === 'email' ? 'email' : 'text';
  }
  control.value = value;
  if (schema.maxLength) control.maxLength = schema.maxLength;
  const shell = new FieldShell(spec, control);
  return {
    element: shell.wrap,
    read: () => (control.value === '' ? emptyValue(spec) : control.value),
    setPath: (keys) => shell.setPath(keys),
    showErrors: (errors) => shell.showErrors(errors),
    focus: () => control.focus(),
  };
}

/**
 * A number typed as text, so "50.000" (Vietnamese thousands) is read as 50000 for an integer; what cannot be read
 * as a number is sent as typed and the API's message appears next to it.
 */
export function buildNumberControl(spec: FieldSpec): Control {
  const integer = spec.resolved.kind === 'integer';
  const control = el('input');
  control.type = 'text';
  control.inputMode = integer ? 'numeric' : 'decimal';
  control.value = typeof spec.value === 'number' ? String(spec.value) : spec.value === undefined || spec.value === null ? '' : String(spec.value);
  const shell = new FieldShell(spec, control);
  return {
    element: shell.wrap,
    read: () => {
      const raw = control.value.trim();
      if (raw === '') return emptyValue(spec);
      const cleaned = integer ? raw.replace(/[\s.,_]/g, '') : raw.replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : raw;
    },
    setPath: (keys) => shell.setPath(keys),
    showErrors: (errors) => shell.showErrors(errors),
    focus: () => control.focus(),
  };
}

/** A checkbox; an optional flag that was absent and stays unticked is left out. */
export function buildBooleanControl(spec: FieldSpec): Control {
  const box = el('input');
  box.type = 'checkbox';
  box.checked = spec.value === true;
  const shell = new FieldShell(spec, box);
  shell.wrap.classList.add('check');
  // Checkbox first, label after: the usual reading order for a tick box.
  shell.wrap.prepend(box);
  return {
    element: shell.wrap,
    read: () => (box.checked ? true : spec.value === undefined && !spec.required ? undefined : false),
    setPath: (keys) => shell.setPath(keys),
    showErrors: (errors) => shell.showErrors(errors),
    focus: () => box.focus(),
  };
}

/** A select over the enum's values, with an empty choice when the field is optional or not chosen yet. */
export function buildEnumControl(spec: FieldSpec): Control {
  const values = spec.resolved.schema.enum ?? [];
  const control = el('select');
  const index = values.findIndex((v) => v === spec.value);
  if (!spec.required || index < 0 || spec.resolved.nullable) {
    const option = el('option', undefined, s.editor.noChoice);
    option.value = '';
    control.append(option);
  }
  values.forEach((value, i) => {
    const option = el('option', undefined, labelEnum(value));
    option.value = String(i);
    control.append(option);
  });
  control.value = index >= 0 ? String(index) : '';
  const shell = new FieldShell(spec, control);
  return {
    element: shell.wrap,
    read: () => (control.value === '' ? (spec.resolved.nullable ? null : spec.required ? '' : undefined) : values[Number(control.value)]),
    setPath: (keys) => shell.setPath(keys),
    showErrors: (errors) => shell.showErrors(errors),
    focus: () => control.focus(),
  };
}

/** A list of enum values (`levels: ["xã"]`): one checkbox per value in a fieldset. */
export function buildEnumSetControl(spec: FieldSpec): Control {
  const itemSchema = resolveSchema(spec.resolved.schema.items ?? {}, spec.root).schema;
  const values = itemSchema.enum ?? [];
  const chosen = Array.isArray(spec.value) ? spec.value : [];
  const fieldset = el('fieldset', 'group enum-set');
  fieldset.tabIndex = -1;
  const legend = el('legend', undefined, spec.label);
  if (spec.required) legend.append(requiredMark());
  fieldset.append(legend);
  const groupErrors = new GroupErrors(fieldset);
  fieldset.append(groupErrors.node);
  const boxes = values.map((value) => {
    const box = el('input');
    box.type = 'checkbox';
    box.id = uniqueId('fld');
    box.checked = chosen.includes(value);
    const label = el('label', undefined, labelEnum(value));
    label.htmlFor = box.id;
    const wrap = el('div', 'check');
    wrap.append(box, label);
    fieldset.append(wrap);
    return box;
  });
  let keys = spec.keys;
  const setPath = (next: string[]) => {
    keys = next;
    fieldset.dataset.path = next.join('.');
  };
  setPath(keys);
  return {
    element: fieldset,
    read: () => {
      const picked = values.filter((_, i) => boxes[i]!.checked);
      return picked.length === 0 && !spec.required && spec.value === undefined ? undefined : picked;
    },
    setPath,
    showErrors: (errors) => {
      groupErrors.show(errors, keys.join('.'));
      values.forEach((_, i) => errors.take([...keys, String(i)].join('.'), boxes[i]!));
    },
    focus: () => boxes[0]?.focus(),
  };
}

/** A fixed value the official cannot change (a `const`): nothing to show. */
export function buildConstControl(spec: FieldSpec): Control {
  const node = el('div', 'const');
  node.hidden = true;
  return { element: node, read: () => spec.resolved.schema.const, setPath: () => undefined, showErrors: () => undefined, focus: () => undefined };
}

/** Anything the generator has no control for: its JSON in a textarea, parsed back when sent. */
export function buildJsonControl(spec: FieldSpec): Control {
  const control = el('textarea', 'json');
  control.rows = 4;
  control.value = spec.value === undefined ? '' : JSON.stringify(spec.value, null, 2);
  const shell = new FieldShell({ ...spec, resolved: { ...spec.resolved, schema: { ...spec.resolved.schema, description: s.editor.jsonHint } } }, control);
  return {
    element: shell.wrap,
    read: () => {
      if (control.value.trim() === '') return emptyValue(spec);
      try {
        return JSON.parse(control.value) as unknown;
      } catch {
        return control.value;
      }
    },
    setPath: (keys) => shell.setPath(keys),
    showErrors: (errors) => shell.showErrors(errors),
    focus: () => control.focus(),
  };
}

/** A star for sighted users and "(bắt buộc)" for screen readers. */
export function requiredMark(): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const star = el('span', 'required-mark', ' *');
  star.setAttribute('aria-hidden', 'true');
  fragment.append(star, el('span', 'visually-hidden', ` ${s.required}`));
  return fragment;
}
