import { el } from '../../shared/dom.js';
import { api, describeError } from '../api/client.js';
import { titleText, type EntrySummary } from '../api/types.js';
import { labelEnum } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';
import { replaceQuery, type View } from '../router.js';
import { announce } from '../ui/announce.js';
import { badge, checkbox, input, labelled, link, loadingNote, messageArea, select, table } from '../ui/widgets.js';

const PAGE = 50;

/** `#/entries`: search the knowledge base (q, kind, edited only) with paging; each row links to the entry page. */
export function renderEntryList(view: View): void {
  view.heading(s.entries.title);
  const form = el('form', 'card filters');
  form.setAttribute('role', 'search');
  const q = input('q', 'search', view.query.get('q') ?? '');
  const kind = select('kind', [['', s.entries.kindAll], ['curated', s.entries.kindCurated], ['catalogue', s.entries.kindCatalogue]], view.query.get('kind') ?? '');
  const edited = checkbox('edited', s.entries.editedOnly, view.query.get('edited') === 'true');
  const submit = el('button', 'btn primary', s.entries.find);
  submit.type = 'submit';
  form.append(labelled(s.entries.search, q), labelled(s.entries.kind, kind), edited.wrap, submit);
  const message = messageArea();
  const results = el('div', 'results');
  view.main.append(form, message.node, results);
  let offset = Number(view.query.get('offset')) || 0;

  const load = async () => {
    const query = { q: q.value.trim(), kind: kind.value, edited: edited.box.checked ? 'true' : undefined, offset, limit: PAGE };
    replaceQuery('/entries', { ...query, limit: undefined, offset: offset || undefined });
    results.replaceChildren(loadingNote());
    try {
      const page = await api.get<{ total: number; entries: EntrySummary[] }>('/knowledge/entries', query, view.signal);
      if (view.signal.aborted) return;
      message.clear();
      results.replaceChildren(renderResults(page, offset, (next) => {
        offset = next;
        void load().then(() => results.querySelector<HTMLElement>('table caption')?.focus());
      }));
      announce(s.entries.found(page.total));
    } catch (error) {
      if (view.signal.aborted) return;
      results.replaceChildren();
      message.show(describeError(error), 'error');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    offset = 0;
    void load();
  });
  void load();
}

function renderResults(page: { total: number; entries: EntrySummary[] }, offset: number, go: (offset: number) => void): HTMLElement {
  const wrap = el('div');
  if (page.entries.length === 0) {
    wrap.append(el('p', 'muted', s.none));
    return wrap;
  }
  const rows = page.entries.map((entry) => {
    const state = el('span', 'badges');
    if (entry.edited) state.append(badge(s.entries.edited, 'info'));
    if (entry.draft) state.append(badge(s.entries.draft, 'warn'));
    if (entry.foldedInto) state.append(badge(s.entries.foldedInto(entry.foldedInto), 'muted'));
    state.append(badge(entry.verified ? s.entries.verified : s.entries.unverified, entry.verified ? 'ok' : 'muted'));
    return [
      link(titleText(entry.title, entry.id), `#/entries/${encodeURIComponent(entry.id)}`),
      entry.codes.join(', ') || s.empty,
      entry.kind === 'catalogue' ? s.entries.kindCatalogue : s.entries.kindCurated,
      entry.levels.map(labelEnum).join(', '),
      state,
    ];
  });
  const range = s.entries.range(offset + 1, offset + page.entries.length, page.total);
  const result = table(range, [s.entries.colTitle, s.entries.colCodes, s.entries.colKind, s.entries.colLevels, s.entries.colState], rows, { className: 'entries' });
  result.caption!.tabIndex = -1;
  const nav = el('nav', 'pager');
  nav.setAttribute('aria-label', s.entries.paging);
  const prev = el('button', 'btn', s.entries.prev);
  prev.type = 'button';
  prev.disabled = offset === 0;
  prev.addEventListener('click', () => go(Math.max(0, offset - PAGE)));
  const next = el('button', 'btn', s.entries.next);
  next.type = 'button';
  next.disabled = offset + page.entries.length >= page.total;
  next.addEventListener('click', () => go(offset + PAGE));
  nav.append(prev, el('span', 'muted', range), next);
  wrap.append(result, nav);
  return wrap;
}
