import { el } from '../../../shared/dom.js';
import { labelPath } from '../../i18n/field-labels.js';
import { s } from '../../i18n/strings.js';
import { uniqueId } from '../../ui/widgets.js';

/** The parts of an entry officials look for most, and the fieldset that holds each (first match wins). */
const SECTIONS: readonly { label: () => string; paths: readonly RegExp[] }[] = [
  { label: () => s.editorNav.fees, paths: [/^channels\.\d+\.fee$/, /^channels$/] },
  { label: () => s.editorNav.time, paths: [/^channels\.\d+\.time$/, /^channels\.\d+\.timeText$/, /^channels$/] },
  { label: () => s.editorNav.documents, paths: [/^documents$/] },
  { label: () => s.editorNav.steps, paths: [/^steps$/] },
  { label: () => s.editorNav.aliases, paths: [/^aliases$/] },
];
const MAX_RESULTS = 20;

/** Lower case without diacritics, so "le phi" finds "Lệ phí" (officials type both ways). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/** Moves to a part of the form: scrolled into view and focused (fieldsets take focus with tabIndex -1). */
function jumpTo(target: HTMLElement): void {
  target.scrollIntoView({ block: 'start' });
  const control = target.matches('.field') ? target.querySelector<HTMLElement>('input, select, textarea') : target;
  (control ?? target).focus({ preventScroll: true });
}

/**
 * Above the generated form: a section index (fees, time, documents, steps, aliases — those the form has) and a
 * field search over labels and values. Both are buttons that move the focus, not `#` links, which the workbench's
 * hash router would take for a new screen.
 */
export function renderEditorNav(form: () => HTMLElement): HTMLElement & { refresh(): void } {
  const wrap = el('div', 'editor-nav');
  const index = el('nav', 'section-index');
  index.setAttribute('aria-label', s.editorNav.indexLabel);
  const list = el('ul');
  index.append(list);

  const search = el('input');
  search.type = 'search';
  search.name = 'field-search';
  search.id = uniqueId('fs');
  search.autocomplete = 'off';
  const label = el('label', 'label', s.editorNav.search);
  label.htmlFor = search.id;
  const hint = el('p', 'hint', s.editorNav.searchHint);
  hint.id = uniqueId('hint');
  search.setAttribute('aria-describedby', hint.id);
  const count = el('p', 'muted field-search-count');
  count.setAttribute('aria-live', 'polite');
  const results = el('ul', 'field-search-results');
  const searchBox = el('div', 'field field-search');
  searchBox.setAttribute('role', 'search');
  searchBox.append(label, hint, search, count, results);
  wrap.append(index, searchBox);

  const refreshIndex = () => {
    const root = form();
    const paths = [...root.querySelectorAll<HTMLElement>('[data-path]')];
    list.replaceChildren();
    for (const section of SECTIONS) {
      const target = section.paths.map((re) => paths.find((node) => re.test(node.dataset.path ?? ''))).find(Boolean);
      if (!target) continue;
      const item = el('li');
      const jump = el('button', 'linklike', section.label());
      jump.type = 'button';
      jump.dataset.section = target.dataset.path;
      jump.addEventListener('click', () => jumpTo(target));
      item.append(jump);
      list.append(item);
    }
    index.hidden = list.childElementCount === 0;
  };

  const runSearch = () => {
    const query = fold(search.value.trim());
    results.replaceChildren();
    if (!query) {
      count.textContent = '';
      return;
    }
    const fields = [...form().querySelectorAll<HTMLElement>('.field[data-path]')];
    const found = fields.filter((field) => {
      const control = field.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select');
      const text = `${labelPath(field.dataset.path ?? '')} ${field.querySelector('label')?.textContent ?? ''} ${control?.value ?? ''}`;
      return fold(text).includes(query);
    });
    count.textContent = found.length === 0 ? s.editorNav.none : s.editorNav.found(found.length);
    for (const field of found.slice(0, MAX_RESULTS)) {
      const control = field.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select');
      const value = (control?.value ?? '').trim();
      const item = el('li');
      const jump = el('button', 'linklike', `${labelPath(field.dataset.path ?? '')}${value ? ` — ${value.length > 60 ? `${value.slice(0, 60)}…` : value}` : ''}`);
      jump.type = 'button';
      jump.dataset.path = field.dataset.path;
      jump.addEventListener('click', () => jumpTo(field));
      item.append(jump);
      results.append(item);
    }
  };

  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (event) => {
    // Enter goes to the first match instead of submitting the whole form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    results.querySelector<HTMLButtonElement>('button')?.click();
  });
  queueMicrotask(refreshIndex);
  return Object.assign(wrap, { refresh: () => (refreshIndex(), runSearch()) });
}
