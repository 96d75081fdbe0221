import { el } from '../../shared/dom.js';
import { api, describeError } from '../api/client.js';
import type { SituationSummary } from '../api/types.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { badge, link, loadingNote, messageArea, table } from '../ui/widgets.js';

/** `#/situations`: the moments of life the assistant answers with a checklist; each row links to its page. */
export async function renderSituationList(view: View): Promise<void> {
  view.heading(s.situations.title);
  const message = messageArea();
  const results = el('div', 'results');
  results.append(loadingNote());
  view.main.append(el('p', 'hint', s.situations.intro), message.node, results);
  try {
    const { situations } = await api.get<{ situations: SituationSummary[] }>('/knowledge/situations', undefined, view.signal);
    if (view.signal.aborted) return;
    results.replaceChildren(situations.length === 0 ? el('p', 'muted', s.none) : renderTable(situations));
  } catch (error) {
    if (view.signal.aborted) return;
    results.replaceChildren();
    message.show(describeError(error), 'error');
  }
}

function renderTable(situations: SituationSummary[]): HTMLElement {
  const rows = situations.map((situation) => {
    const state = el('span', 'badges');
    if (situation.edited) state.append(badge(s.entries.edited, 'info'));
    if (situation.draft) state.append(badge(s.entries.draft, 'warn'));
    state.append(badge(situation.verified ? s.entries.verified : s.entries.unverified, situation.verified ? 'ok' : 'muted'));
    return [link(situation.title, `#/situations/${encodeURIComponent(situation.id)}`), String(situation.procedures), state];
  });
  return table(s.situations.caption(situations.length), [s.situations.colTitle, s.situations.colProcedures, s.entries.colState], rows, { className: 'situations' });
}
