import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import type { CallbackInfo } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime } from '../../ui/format.js';
import { messageArea, section, table } from '../../ui/widgets.js';

const REFRESH_MS = 10_000;

/** The widget's call-back requests still to handle, with "Đã gọi" and "Xong"; refreshes while the desk is open. */
export function renderCallbacks(signal: AbortSignal): { node: HTMLElement } {
  const { node } = section(s.desk.callbacks, 'card callbacks');
  const message = messageArea();
  const body = el('div');
  node.append(el('p', 'muted', s.desk.callbacksHint), message.node, body);

  const refresh = async () => {
    try {
      const { callbacks } = await api.get<{ callbacks: CallbackInfo[] }>('/callbacks', undefined, signal);
      if (signal.aborted) return;
      const focused = document.activeElement as HTMLElement | null;
      const keep = focused && body.contains(focused) ? { id: focused.dataset.callback, action: focused.dataset.action } : undefined;
      body.replaceChildren(render(callbacks.filter((c) => c.status !== 'done')));
      if (keep?.id) body.querySelector<HTMLElement>(`[data-callback="${CSS.escape(keep.id)}"][data-action="${keep.action}"]`)?.focus();
    } catch (error) {
      if (!signal.aborted) message.show(describeError(error), 'error');
    }
  };

  const act = async (request: CallbackInfo, action: 'called' | 'done') => {
    try {
      await api.post(`/callbacks/${encodeURIComponent(request.id)}/${action}`);
      const text = action === 'called' ? s.desk.callbackMarkedCalled(request.name) : s.desk.callbackMarkedDone(request.name);
      message.show(text, 'ok');
      announce(text, 'ok');
      await refresh();
    } catch (error) {
      message.show(describeError(error), 'error');
    }
  };

  const actionButton = (request: CallbackInfo, action: 'called' | 'done') => {
    const b = el('button', `btn small${action === 'called' ? ' primary' : ''}`, action === 'called' ? s.desk.callbackCalled : s.desk.callbackDone);
    b.type = 'button';
    b.dataset.callback = request.id;
    b.dataset.action = action;
    b.setAttribute('aria-label', action === 'called' ? s.desk.callbackCalledLabel(request.name) : s.desk.callbackDoneLabel(request.name));
    b.addEventListener('click', () => void act(request, action));
    return b;
  };

  const render = (open: CallbackInfo[]): HTMLElement => {
    if (open.length === 0) return el('p', 'muted', s.desk.callbacksEmpty);
    return table(
      s.desk.callbacks,
      [s.desk.created, s.desk.callbackName, s.desk.callbackPhone, s.desk.callbackTopic, s.desk.callbackStatus, s.target.colActions],
      open.map((request) => {
        const phone = el('a', 'phone', request.phone);
        phone.href = `tel:${request.phone}`;
        const status = `${s.desk.callbackStatuses[request.status] ?? request.status}${request.calledAt ? ` (${formatDateTime(request.calledAt)})` : ''}`;
        const actions = el('div', 'actions');
        actions.append(actionButton(request, 'called'), actionButton(request, 'done'));
        return [formatDateTime(request.createdAt), request.name, phone, request.topicTitle ?? request.topic ?? s.empty, status, actions];
      }),
      { hideCaption: true },
    );
  };

  void refresh();
  const timer = window.setInterval(() => void refresh(), REFRESH_MS);
  signal.addEventListener('abort', () => window.clearInterval(timer));
  return { node };
}
