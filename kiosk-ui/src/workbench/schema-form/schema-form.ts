import { el } from '../../shared/dom.js';
import { labelField } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { announce } from '../ui/announce.js';
import { focusFirst, GroupErrors, ErrorIndex, type Control, type FieldSpec } from './control.js';
import { resolveSchema, type JsonSchema } from './json-schema.js';
import {
  buildBooleanControl,
  buildConstControl,
  buildEnumControl,
  buildEnumSetControl,
  buildJsonControl,
  buildNumberControl,
  buildStringControl,
  requiredMark,
} from './leaf-controls.js';

/** The control for one field, chosen by its schema. */
function buildControl(spec: FieldSpec): Control {
  switch (spec.resolved.kind) {
    case 'object':
      return buildObjectControl(spec, false);
    case 'array':
      return buildArrayControl(spec);
    case 'enum-set':
      return buildEnumSetControl(spec);
    case 'string':
      return buildStringControl(spec);
    case 'number':
    case 'integer':
      return buildNumberControl(spec);
    case 'boolean':
      return buildBooleanControl(spec);
    case 'enum':
      return buildEnumControl(spec);
    case 'const':
      return buildConstControl(spec);
    default:
      return buildJsonControl(spec);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A fieldset per object (the root is a plain container); keys the schema does not know are kept as they were. */
function buildObjectControl(spec: FieldSpec, isRoot: boolean): Control {
  const { schema } = spec.resolved;
  const value = isPlainObject(spec.value) ? spec.value : {};
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const extras = Object.fromEntries(Object.entries(value).filter(([key]) => !(key in properties)));
  const container = isRoot ? el('div', 'schema-root') : el('fieldset', 'group');
  container.tabIndex = -1;
  if (!isRoot) {
    const legend = el('legend', undefined, spec.itemIndex !== undefined ? s.editor.itemN(spec.itemIndex + 1) : spec.label);
    if (spec.required && spec.itemIndex === undefined) legend.append(requiredMark());
    container.append(legend);
  }
  const groupErrors = new GroupErrors(container);
  container.append(groupErrors.node);
  const children = Object.entries(properties).map(([key, childSchema]) => {
    const keys = [...spec.keys, key];
    const control = buildControl({
      keys,
      label: labelField(keys, childSchema.title),
      required: required.has(key),
      resolved: resolveSchema(childSchema, spec.root),
      value: value[key],
      root: spec.root,
      ...(spec.readOnly ? { readOnly: spec.readOnly } : {}),
    });
    container.append(control.element);
    return { key, control };
  });
  let keys = spec.keys;
  const setPath = (next: string[]) => {
    keys = next;
    container.dataset.path = next.join('.');
    for (const child of children) child.control.setPath([...next, child.key]);
  };
  setPath(keys);
  return {
    element: container,
    read: () => {
      const out: Record<string, unknown> = { ...extras };
      let filled = Object.keys(extras).length > 0;
      for (const { key, control } of children) {
        const childValue = control.read();
        if (childValue !== undefined) {
          out[key] = childValue;
          if (childValue !== false && childValue !== null && !(Array.isArray(childValue) && childValue.length === 0)) filled = true;
        }
      }
      // An optional part emptied by the official (a channel's fee, the raw text) is left out, not sent half-empty.
      if (!filled && !spec.required && !isRoot) return spec.resolved.nullable ? null : undefined;
      return out;
    },
    setPath,
    showErrors: (errors) => {
      groupErrors.show(errors, keys.join('.'));
      for (const child of children) child.control.showErrors(errors);
    },
    focus: () => focusFirst(container),
  };
}

interface Row {
  item: HTMLLIElement;
  control: Control;
  up: HTMLButtonElement;
  down: HTMLButtonElement;
  remove: HTMLButtonElement;
}

/** A repeatable list: one row per item with Up / Down / Remove, and Add at the end. */
function buildArrayControl(spec: FieldSpec): Control {
  const { schema } = spec.resolved;
  const itemSchema = resolveSchema(schema.items ?? {}, spec.root);
  const initial = Array.isArray(spec.value) ? spec.value : [];
  const fieldset = el('fieldset', 'group list');
  fieldset.tabIndex = -1;
  const legend = el('legend', undefined, spec.label);
  if (spec.required || (schema.minItems ?? 0) > 0) legend.append(requiredMark());
  const groupErrors = new GroupErrors(fieldset);
  const list = el('ol', 'rows');
  const addButton = el('button', 'btn small add', `+ ${s.editor.add}`);
  addButton.type = 'button';
  addButton.setAttribute('aria-label', s.editor.addItem(spec.label));
  fieldset.append(legend, groupErrors.node, list, addButton);
  let keys = spec.keys;
  const rows: Row[] = [];

  const makeRow = (value: unknown): Row => {
    const item = el('li', 'row');
    const control = buildControl({ keys: [...keys, String(rows.length)], label: '', required: true, resolved: itemSchema, value, root: spec.root, itemIndex: rows.length, ...(spec.readOnly ? { readOnly: spec.readOnly } : {}) });
    const tools = el('div', 'row-tools');
    const up = toolButton(`↑ ${s.editor.up}`, () => move(row, -1));
    const down = toolButton(`↓ ${s.editor.down}`, () => move(row, 1));
    const remove = toolButton(`✕ ${s.editor.remove}`, () => removeRow(row), 'btn small danger');
    tools.append(up, down, remove);
    item.append(control.element, tools);
    const row: Row = { item, control, up, down, remove };
    return row;
  };

  const renumber = () => {
    rows.forEach((row, index) => {
      row.control.setPath([...keys, String(index)]);
      const name = s.editor.itemN(index + 1);
      // A list of plain values: the row's own label is "Mục n"; lists of objects name the row in its legend.
      const label = row.item.querySelector<HTMLLabelElement>(':scope > .field > .label');
      if (label) label.firstChild!.textContent = name;
      const rowLegend = row.item.querySelector(':scope > fieldset > legend');
      if (rowLegend) rowLegend.textContent = name;
      row.up.setAttribute('aria-label', s.editor.upLabel(name.toLowerCase()));
      row.down.setAttribute('aria-label', s.editor.downLabel(name.toLowerCase()));
      row.remove.setAttribute('aria-label', s.editor.removeLabel(name.toLowerCase()));
      row.up.disabled = index === 0;
      row.down.disabled = index === rows.length - 1;
    });
  };

  const move = (row: Row, delta: number) => {
    const from = rows.indexOf(row);
    const to = from + delta;
    if (to < 0 || to >= rows.length) return;
    rows.splice(from, 1);
    rows.splice(to, 0, row);
    if (delta < 0) list.insertBefore(row.item, rows[to + 1]!.item);
    else list.insertBefore(row.item, rows[to - 1]!.item.nextSibling);
    renumber();
    const preferred = delta < 0 ? row.up : row.down;
    (preferred.disabled ? (delta < 0 ? row.down : row.up) : preferred).focus();
    announce(s.editor.moved);
  };

  const removeRow = (row: Row) => {
    const index = rows.indexOf(row);
    rows.splice(index, 1);
    row.item.remove();
    renumber();
    const next = rows[index] ?? rows[index - 1];
    if (next) focusFirst(next.item);
    else addButton.focus();
    announce(s.editor.removed);
  };

  const addRow = (value: unknown) => {
    const row = makeRow(value);
    rows.push(row);
    list.append(row.item);
    return row;
  };

  for (const value of initial) addRow(value);
  addButton.addEventListener('click', () => {
    const row = addRow(undefined);
    renumber();
    focusFirst(row.item);
    announce(s.editor.added);
  });
  const setPath = (next: string[]) => {
    keys = next;
    fieldset.dataset.path = next.join('.');
    renumber();
  };
  setPath(keys);
  return {
    element: fieldset,
    read: () => {
      const values = rows.map((row) => row.control.read()).filter((v) => v !== undefined);
      return values.length === 0 && spec.value === undefined && !spec.required ? undefined : values;
    },
    setPath,
    showErrors: (errors) => {
      groupErrors.show(errors, keys.join('.'));
      for (const row of rows) row.control.showErrors(errors);
    },
    focus: () => focusFirst(fieldset),
  };
}

function toolButton(text: string, onClick: () => void, className = 'btn small'): HTMLButtonElement {
  const node = el('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** A form generated from a JSON Schema, filled with `value`. */
export interface SchemaForm {
  element: HTMLElement;
  /** The content as typed, ready to send. */
  read(): unknown;
  /** Shows the API's `errors[]` next to their fields; returns them with the control each one belongs to. */
  showErrors(errors: readonly { field: string; message: string }[]): ErrorIndex;
}

/** Builds the whole form for `schema` (objects → fieldsets, arrays → rows, enums → selects, …). */
export function buildSchemaForm(schema: JsonSchema, value: unknown, options: { readOnly?: readonly string[] } = {}): SchemaForm {
  const readOnly = new Set(options.readOnly ?? []);
  const root = buildObjectControl({ keys: [], label: '', required: true, resolved: resolveSchema(schema, schema), value, root: schema, readOnly }, true);
  return {
    element: root.element,
    read: () => root.read(),
    showErrors: (errors) => {
      const index = new ErrorIndex(errors);
      root.showErrors(index);
      return index;
    },
  };
}
