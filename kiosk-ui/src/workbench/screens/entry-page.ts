import { el } from '../../shared/dom.js';
import { api } from '../api/client.js';
import { titleText, type EntryResponse, type TargetState } from '../api/types.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { badge, link } from '../ui/widgets.js';
import { renderTargetPage } from './target/target-page.js';

/** `#/entries/:id`: the entry as citizens get it now, its editor, draft and history. */
export function renderEntryPage(view: View): Promise<void> {
  const id = view.params[0] ?? '';
  const path = `/knowledge/entries/${encodeURIComponent(id)}`;
  view.heading(id);
  return renderTargetPage({
    view,
    schemaKey: 'entry',
    // The id must stay the entry's own; the server stamps updatedAt when it saves.
    readOnly: ['id', 'updatedAt'],
    draftsPath: `${path}/drafts`,
    rollbackPath: `${path}/rollback`,
    load: async (signal): Promise<TargetState> => {
      const response = await api.get<EntryResponse>(path, undefined, signal);
      return { ...response, content: response.entry, draft: response.draft ?? null, revisions: response.revisions ?? [] };
    },
    title: (state) => titleText((state.content as { title?: unknown } | undefined)?.title, id),
    describe: (state) => {
      const entry = (state.content ?? {}) as { id?: string; codes?: string[]; verified?: boolean };
      const line = el('p', 'entry-meta');
      line.append(link(`← ${s.nav.entries}`, '#/entries', 'back'), el('code', undefined, entry.id ?? id));
      if (entry.codes?.length) line.append(el('span', undefined, `${s.entries.colCodes}: ${entry.codes.join(', ')}`));
      if (state.currentRevisionId) line.append(badge(s.entries.edited, 'info'));
      if (state.draft) line.append(badge(s.entries.draft, 'warn'));
      line.append(badge(entry.verified ? s.entries.verified : s.entries.unverified, entry.verified ? 'ok' : 'muted'));
      return line;
    },
  });
}
