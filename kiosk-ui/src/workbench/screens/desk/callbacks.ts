import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import type { CallbackInfo } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime } from '../../ui/format.js';
import { messageArea, replaceKeepingFocus, rowAction, section, table } from '../../ui/widgets.js';

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
      replaceKeepingFocus(body, render(callbacks.filter((c) => c.status !== 'done')), 'callback');
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

  const actionButton = (request: CallbackInfo, action: 'called' | 'done') =>
    action === 'called'
      ? rowAction('callback', request.id, action, s.desk.callbackCalled, s.desk.callbackCalledLabel(request.name), () => void act(request, action), true)
      : rowAction('callback', request.id, action, s.desk.callbackDone, s.desk.callbackDoneLabel(request.name), () => void act(request, action));

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
