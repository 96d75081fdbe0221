import { el } from '../../../shared/dom.js';
import { ApiError, describeError } from '../../api/client.js';
import type { SavedDraft } from '../../api/types.js';
import { labelPath } from '../../i18n/field-labels.js';
import { s } from '../../i18n/strings.js';
import type { ErrorIndex } from '../../schema-form/control.js';
import type { JsonSchema } from '../../schema-form/json-schema.js';
import { buildSchemaForm, type SchemaForm } from '../../schema-form/schema-form.js';
import { announce } from '../../ui/announce.js';
import { labelled, messageArea, uniqueId } from '../../ui/widgets.js';
import { renderConflict } from './conflict.js';
import { renderEditorNav } from './editor-nav.js';

/** `POST .../drafts`: the saved draft and what it changes. */
export type { SavedDraft };

export interface EditorOptions {
  schema: JsonSchema;
  /** Fields shown but not editable (dot paths). */
  readOnly?: readonly string[];
  /** What the form starts with (the current content, or the open draft's). */
  content: unknown;
  /** The published content `baseRevisionId` stands for (to show what a newer version changed). */
  baseContent: unknown;
  baseRevisionId: string | null;
  save(content: unknown, baseRevisionId: string | null, note: string): Promise<SavedDraft>;
  onSaved(saved: SavedDraft): void;
  onCancel(): void;
}

/** The 409 body: `{current: {revisionId, entry | settings}}` (top level, or inside `error`). */
function readStale(error: ApiError): { revisionId: string | null; content: unknown } | undefined {
  const current = (error.body.current ?? (error.body.error as Record<string, unknown> | undefined)?.current) as Record<string, unknown> | undefined;
  if (!current) return undefined;
  return { revisionId: (current.revisionId as string | null | undefined) ?? null, content: current.entry ?? current.settings ?? current.content };
}

/** The "Sửa" form: generated fields, a note, "Lưu bản nháp"; 400 errors beside their inputs; 409 kept as typed. */
export function renderEditor(options: EditorOptions): HTMLElement {
  let baseRevisionId = options.baseRevisionId;
  let baseContent = options.baseContent;
  const wrap = el('section', 'card editor');
  const heading = el('h2', undefined, s.target.editTitle);
  heading.id = uniqueId('h');
  heading.tabIndex = -1;
  wrap.setAttribute('aria-labelledby', heading.id);
  const summary = el('div', 'error-summary');
  summary.tabIndex = -1;
  summary.hidden = true;
  const conflictSlot = el('div', 'conflict-slot');
  const form = el('form', 'schema-form');
  form.noValidate = true;
  const fields = el('div', 'schema-fields');
  let schemaForm: SchemaForm = buildSchemaForm(options.schema, options.content, { readOnly: options.readOnly ?? [] });
  fields.append(schemaForm.element);
  const note = el('textarea');
  note.name = 'note';
  note.rows = 2;
  note.maxLength = 500;
  const message = messageArea();
  const actions = el('div', 'actions sticky-actions');
  const save = el('button', 'btn primary', s.editor.save);
  save.type = 'submit';
  save.name = 'save-draft';
  const cancel = el('button', 'btn', s.cancel);
  cancel.type = 'button';
  cancel.addEventListener('click', options.onCancel);
  actions.append(save, cancel);
  form.append(fields, labelled(s.editor.note, note), message.node, actions);
  const nav = renderEditorNav(() => fields);
  wrap.append(heading, nav, summary, conflictSlot, form);

  const showSummary = (index: ErrorIndex) => {
    summary.replaceChildren(el('h3', undefined, s.editor.errorSummary), el('p', undefined, s.editor.invalid(index.all.length)));
    const list = el('ul');
    for (const { path, message: text } of index.all) {
      const item = el('li');
      const target = index.targets.get(path);
      const label = path ? `${labelPath(path)}: ${text}` : text;
      if (target) {
        // A link-like button: moves focus to the input the message is about.
        const jump = el('button', 'linklike', label);
        jump.type = 'button';
        jump.addEventListener('click', () => {
          target.scrollIntoView({ block: 'center' });
          target.focus();
        });
        item.append(jump);
      } else {
        item.textContent = label;
      }
      list.append(item);
    }
    summary.append(list);
    summary.hidden = false;
    summary.focus();
  };

  const submit = async () => {
    const content = schemaForm.read();
    save.disabled = true;
    message.show(s.saving, 'info');
    try {
      const saved = await options.save(content, baseRevisionId, note.value.trim());
      message.clear();
      summary.hidden = true;
      options.onSaved(saved);
    } catch (error) {
      message.clear();
      if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        showSummary(schemaForm.showErrors(error.fieldErrors));
        announce(s.editor.invalid(error.fieldErrors.length), 'error');
        return;
      }
      summary.hidden = true;
      schemaForm.showErrors([]);
      const stale = error instanceof ApiError && error.status === 409 ? readStale(error) : undefined;
      if (stale) {
        showConflict(content, stale);
        announce(s.editor.conflictTitle, 'error');
        return;
      }
      message.show(describeError(error), 'error');
    } finally {
      save.disabled = false;
    }
  };

  const showConflict = (mine: unknown, stale: { revisionId: string | null; content: unknown }) => {
    conflictSlot.replaceChildren(
      renderConflict({
        base: baseContent,
        newer: stale.content,
        mine,
        onRestart: () => {
          baseRevisionId = stale.revisionId;
          baseContent = stale.content;
          schemaForm = buildSchemaForm(options.schema, stale.content, { readOnly: options.readOnly ?? [] });
          fields.replaceChildren(schemaForm.element);
          nav.refresh();
          conflictSlot.replaceChildren();
          announce(s.editor.restarted, 'info');
          heading.focus();
        },
        onKeepMine: () => {
          baseRevisionId = stale.revisionId;
          baseContent = stale.content;
          conflictSlot.replaceChildren();
          void submit();
        },
      }),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  queueMicrotask(() => heading.focus());
  return wrap;
}
