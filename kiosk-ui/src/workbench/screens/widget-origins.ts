import { el } from '../../shared/dom.js';
import { api, ApiError, describeError } from '../api/client.js';
import type { WidgetOriginsInfo } from '../api/types.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { announce } from '../ui/announce.js';
import { labelled, loadingNote, messageArea } from '../ui/widgets.js';

/** `#/widget-origins` (admins): the sites allowed to embed the widget, one per line, applied at once when saved. */
export async function renderWidgetOrigins(view: View): Promise<void> {
  view.heading(s.widgetOrigins.title);
  const form = el('form', 'card widget-origins');
  form.noValidate = true;
  const source = el('p', 'muted');
  const environment = el('p', 'hint');
  const list = el('textarea');
  list.name = 'origins';
  list.rows = 6;
  list.spellcheck = false;
  const save = el('button', 'btn primary', s.widgetOrigins.save);
  save.type = 'submit';
  const message = messageArea();
  const loading = loadingNote();
  form.append(el('p', undefined, s.widgetOrigins.intro), source, labelled(s.widgetOrigins.label, list, s.widgetOrigins.hint), environment, save, message.node);
  view.main.append(loading);

  const show = (info: WidgetOriginsInfo) => {
    list.value = info.origins.join('\n');
    source.textContent = info.source === 'setting' ? s.widgetOrigins.fromSetting : s.widgetOrigins.fromEnvironment;
    environment.textContent = s.widgetOrigins.environment(info.environment.join(', '));
  };

  try {
    show(await api.get<WidgetOriginsInfo>('/widget-origins', undefined, view.signal));
    loading.replaceWith(form);
  } catch (error) {
    if (!view.signal.aborted) loading.replaceWith(el('p', 'message message-error', describeError(error)));
    return;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = list.value.split('\n').map((line) => line.trim());
    const origins = lines.filter(Boolean);
    list.removeAttribute('aria-invalid');
    save.disabled = true;
    try {
      show(await api.put<WidgetOriginsInfo>('/widget-origins', { origins }));
      message.show(s.widgetOrigins.saved, 'ok');
      announce(s.widgetOrigins.saved, 'ok');
    } catch (error) {
      // `origins.N` names the N-th non-empty line: say which line the official typed it on.
      const first = error instanceof ApiError ? error.fieldErrors[0] : undefined;
      const index = first ? Number(/^origins\.(\d+)$/.exec(first.field)?.[1]) : Number.NaN;
      if (first && Number.isInteger(index)) {
        const typed = origins[index];
        const line = lines.findIndex((l) => l === typed) + 1;
        message.show(s.widgetOrigins.lineError(line, first.message), 'error');
        list.setAttribute('aria-invalid', 'true');
        list.focus();
      } else message.show(first?.message ?? describeError(error), 'error');
    } finally {
      save.disabled = false;
    }
  });
}
