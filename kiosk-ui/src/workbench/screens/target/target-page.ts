import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import { loadSchemas } from '../../api/schemas.js';
import type { RevisionDetail, RevisionSummary, TargetState } from '../../api/types.js';
import { renderContent } from '../../diff/render-content.js';
import { renderDiff } from '../../diff/diff-view.js';
import { s } from '../../i18n/strings.js';
import type { View } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime } from '../../ui/format.js';
import { link, loadingNote, messageArea, section } from '../../ui/widgets.js';
import { renderEditor, type SavedDraft } from './editor.js';
import { renderHistory } from './history.js';

export interface TargetPageConfig {
  view: View;
  /** Which schema of `GET /knowledge/schema` the form is built from. */
  schemaKey: 'entry' | 'wardSettings' | 'situation';
  load(signal: AbortSignal): Promise<TargetState>;
  title(state: TargetState): string;
  /** Lines under the title (id, codes, badges). */
  describe?(state: TargetState): HTMLElement | undefined;
  draftsPath: string;
  rollbackPath: string;
  intro?: string;
  /** Fields the form shows but does not let the official change. */
  readOnly?: readonly string[];
}

/** An entry, life-situation or ward-settings page: current content, "Sửa" → draft, the open draft, history with rollback. */
export async function renderTargetPage(config: TargetPageConfig, notice?: { text: string; saved?: SavedDraft }): Promise<void> {
  const { view } = config;
  const main = view.main;
  const heading = view.heading(s.loading);
  const body = el('div', 'target');
  body.append(loadingNote());
  main.replaceChildren(heading, body);
  let state: TargetState;
  let schemas: Awaited<ReturnType<typeof loadSchemas>>;
  try {
    [state, schemas] = await Promise.all([config.load(view.signal), loadSchemas()]);
  } catch (error) {
    if (view.signal.aborted) return;
    view.heading(s.target.notFound);
    body.replaceChildren(el('p', 'message message-error', describeError(error)));
    return;
  }
  if (view.signal.aborted) return;
  view.heading(config.title(state));
  body.replaceChildren();
  if (config.intro) body.append(el('p', 'hint', config.intro));
  const described = config.describe?.(state);
  if (described) body.append(described);

  const message = messageArea();
  body.append(message.node);
  if (notice) message.show(notice.text, 'ok');
  if (notice?.saved) body.append(renderDiff(notice.saved.diff ?? [], s.diff.caption));

  const reload = (next?: { text: string; saved?: SavedDraft }) => void renderTargetPage(config, next).then(() => view.heading(config.title(state)).focus());
  const toolbar = el('div', 'actions toolbar');
  const editorSlot = el('div', 'editor-slot');
  const current = section(s.target.current, 'card current');
  current.node.append(
    el('p', 'muted', state.currentRevisionId ? s.target.currentIsRevision(state.revisions.find((r) => r.id === state.currentRevisionId)?.number ?? 0) : s.target.currentIsBaseline),
    renderContent(state.content),
  );

  const openEditor = (content: unknown) => {
    toolbar.hidden = true;
    current.node.hidden = true;
    editorSlot.replaceChildren(
      renderEditor({
        schema: schemas[config.schemaKey],
        readOnly: config.readOnly ?? [],
        content,
        baseContent: state.content,
        baseRevisionId: state.currentRevisionId,
        save: (draft, baseRevisionId, note) => api.post<SavedDraft>(config.draftsPath, { content: draft, baseRevisionId, ...(note ? { note } : {}) }),
        onSaved: (saved) => {
          const text = s.editor.saved(saved.revision?.number ?? 0);
          announce(text, 'ok');
          reload({ text, saved });
        },
        onCancel: () => {
          editorSlot.replaceChildren();
          toolbar.hidden = false;
          current.node.hidden = false;
          editButton.focus();
        },
      }),
    );
  };

  const editButton = el('button', 'btn primary', s.target.edit);
  editButton.type = 'button';
  editButton.name = 'edit';
  editButton.addEventListener('click', () => openEditor(state.content));
  toolbar.append(editButton);
  if (state.draft) {
    const draft = state.draft;
    const continueButton = el('button', 'btn', s.target.continueDraft);
    continueButton.type = 'button';
    continueButton.addEventListener('click', async () => {
      try {
        openEditor(draft.content ?? (await api.get<RevisionDetail>(`/revisions/${encodeURIComponent(draft.id)}`)).revision.content);
      } catch (error) {
        message.show(describeError(error), 'error');
      }
    });
    toolbar.append(continueButton);
    body.append(renderDraftNotice(draft));
  }
  body.append(toolbar, editorSlot, current.node);
  body.append(
    renderHistory({
      revisions: state.revisions,
      currentRevisionId: state.currentRevisionId,
      hasBaseline: state.baseline !== null && state.baseline !== undefined,
      rollbackPath: config.rollbackPath,
      onChanged: (text) => reload({ text }),
    }),
  );
}

function renderDraftNotice(draft: RevisionSummary): HTMLElement {
  const { node } = section(s.target.draftWaiting, 'card draft-notice', 'h2');
  node.append(el('p', undefined, s.target.draftBy(draft.authorName ?? s.empty, formatDateTime(draft.createdAt))));
  if (draft.note) node.append(el('p', 'note', draft.note));
  node.append(link(s.target.toReview, '#/review'));
  return node;
}
