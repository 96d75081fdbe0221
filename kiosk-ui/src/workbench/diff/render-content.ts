import { el } from '../../shared/dom.js';
import { labelEnum, labelField } from '../i18n/field-labels.js';
import { s } from '../i18n/strings.js';

const ENUM_KEYS = new Set(['kind', 'copy', 'levels', 'status']);

/** A read-only view of an entry or the ward settings: nested definition lists with the Vietnamese field names. */
export function renderContent(value: unknown, keys: string[] = []): HTMLElement {
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', 'muted', s.empty);
    const list = el('ol', 'content-list');
    value.forEach((item, index) => {
      const li = el('li');
      li.append(renderContent(item, [...keys, String(index)]));
      list.append(li);
    });
    return list;
  }
  if (value && typeof value === 'object') {
    const dl = el('dl', 'content');
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const path = [...keys, key];
      const dt = el('dt', undefined, labelField(path));
      const dd = el('dd');
      dd.dataset.path = path.join('.');
      dd.append(renderContent(item, path));
      dl.append(dt, dd);
    }
    return dl;
  }
  if (value === null || value === '') return el('span', 'muted', s.empty);
  if (typeof value === 'boolean') return el('span', undefined, value ? s.yes : s.no);
  const named = keys.filter((k) => !/^\d+$/.test(k)).at(-1) ?? '';
  const text = ENUM_KEYS.has(named) ? labelEnum(value) : String(value);
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    const a = el('a', 'url', text);
    a.href = value;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }
  return el('span', 'text', text);
}
