import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import type { TicketInfo } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import { announce } from '../../ui/announce.js';
import { formatTime } from '../../ui/format.js';
import { input, labelled, messageArea, replaceKeepingFocus, rowAction, section, table } from '../../ui/widgets.js';

const REFRESH_MS = 10_000;
const COUNTER_KEY = 'ward-admin-counter';

/** Today's hand-over queue with "Gọi" (to my counter) and "Xong"; refreshes every 10 s while the desk is open. */
export function renderTickets(signal: AbortSignal): { node: HTMLElement } {
  const { node } = section(s.desk.tickets, 'card tickets');
  const counter = input('counter', 'number', localStorage.getItem(COUNTER_KEY) ?? '1');
  counter.min = '1';
  counter.max = '99';
  counter.className = 'counter-input';
  counter.addEventListener('change', () => localStorage.setItem(COUNTER_KEY, counter.value));
  const message = messageArea();
  const body = el('div');
  node.append(labelled(s.desk.counter, counter), el('p', 'muted', s.desk.autoRefresh), message.node, body);

  const refresh = async () => {
    try {
      const { tickets } = await api.get<{ tickets: TicketInfo[] }>('/tickets', undefined, signal);
      if (signal.aborted) return;
      // Rebuilding the table must not throw the official's focus away.
      replaceKeepingFocus(body, render(tickets), 'ticket');
    } catch (error) {
      if (!signal.aborted) message.show(describeError(error), 'error');
    }
  };

  const act = async (ticket: TicketInfo, action: 'call' | 'finish') => {
    const number = Number(counter.value);
    if (action === 'call' && !(number >= 1 && number <= 99)) {
      counter.focus();
      return;
    }
    try {
      await api.post(`/tickets/${encodeURIComponent(ticket.id)}/${action}`, action === 'call' ? { counter: number } : {});
      const text = action === 'call' ? s.desk.called(ticket.number, number) : s.desk.finished(ticket.number);
      message.show(text, 'ok');
      announce(text, 'ok');
      await refresh();
    } catch (error) {
      message.show(describeError(error), 'error');
    }
  };

  const render = (tickets: TicketInfo[]): HTMLElement => {
    const open = tickets.filter((t) => t.status === 'waiting' || t.status === 'called');
    if (open.length === 0) return el('p', 'muted', s.desk.ticketsEmpty);
    return table(
      s.desk.tickets,
      [s.desk.number, s.desk.topic, s.desk.ticketStatus, s.desk.created, s.target.colActions],
      open.map((ticket) => {
        const actions = el('div', 'actions');
        actions.append(
          rowAction('ticket', ticket.id, 'call', s.desk.call, s.desk.callLabel(ticket.number), () => void act(ticket, 'call'), true),
          rowAction('ticket', ticket.id, 'finish', s.desk.finish, s.desk.finishLabel(ticket.number), () => void act(ticket, 'finish')),
        );
        const status = `${s.desk.ticketStatuses[ticket.status] ?? ticket.status}${ticket.counter ? ` (${s.desk.atCounter(ticket.counter)})` : ''}`;
        return [el('strong', 'ticket-no', String(ticket.number)), ticket.topicTitle ?? ticket.topic ?? s.empty, status, formatTime(ticket.createdAt), actions];
      }),
      { hideCaption: true },
    );
  };

  void refresh();
  const timer = window.setInterval(() => void refresh(), REFRESH_MS);
  signal.addEventListener('abort', () => window.clearInterval(timer));
  return { node };
}
