import { el } from '../../shared/dom.js';
import { api } from '../api/client.js';
import { titleText, type SituationResponse, type TargetState } from '../api/types.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { badge, link } from '../ui/widgets.js';
import { renderTargetPage } from './target/target-page.js';

/** `#/situations/:id`: a life situation as citizens get it now, the same editor, draft and history as an entry. */
export function renderSituationPage(view: View): Promise<void> {
  const id = view.params[0] ?? '';
  const path = `/knowledge/situations/${encodeURIComponent(id)}`;
  view.heading(id);
  return renderTargetPage({
    view,
    schemaKey: 'situation',
    // The id must stay the situation's own: the chat and the other files refer to it.
    readOnly: ['id'],
    draftsPath: `${path}/drafts`,
    rollbackPath: `${path}/rollback`,
    intro: s.situations.procedureIdsHint,
    load: async (signal): Promise<TargetState> => {
      const response = await api.get<SituationResponse>(path, undefined, signal);
      return { ...response, content: response.situation, draft: response.draft ?? null, revisions: response.revisions ?? [] };
    },
    title: (state) => titleText((state.content as { title?: unknown } | undefined)?.title, id),
    describe: (state) => {
      const situation = (state.content ?? {}) as { id?: string; verified?: boolean };
      const line = el('p', 'entry-meta');
      line.append(link(`← ${s.nav.situations}`, '#/situations', 'back'), el('code', undefined, situation.id ?? id));
      if (state.currentRevisionId) line.append(badge(s.entries.edited, 'info'));
      if (state.draft) line.append(badge(s.entries.draft, 'warn'));
      line.append(badge(situation.verified ? s.entries.verified : s.entries.unverified, situation.verified ? 'ok' : 'muted'));
      return line;
    },
  });
}
