import type { TicketFrame } from '../shared/frames.js';
import { counterText, slipTime, t, waitText, type Language } from './i18n.js';
import './ticket-card.css';

type Ticket = TicketFrame['ticket'];

const $ = (id: string) => document.getElementById(id) as HTMLElement;

// How often the card asks how its ticket is doing: the officials' desk itself refreshes every 10 s.
const POLL_MS = 10_000;

// The session's one open ticket (the server returns the same one when asked again), kept until the wipe.
let current: { ticket: Ticket; takenAt: Date; status: 'waiting' | 'called' } | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let shownIn: Language = 'vi';

/**
 * Shows the queue ticket as a card at the top of the page (number, counter, wait) and fills the 80 mm slip: the
 * number must stay on screen after the announcement is closed (issue 16: "the ticket disappears").
 */
export function showTicketCard(ticket: Ticket, language: Language): void {
  // Asking again returns the same ticket: the time it was taken stays the first one.
  const same = current?.ticket.id === ticket.id;
  current = { ticket, takenAt: same && current ? current.takenAt : new Date(), status: same && current ? current.status : 'waiting' };
  renderTicket(language);
  timer ??= setInterval(() => void refreshTicket(), POLL_MS);
}

/**
 * Asks the server how the ticket is doing (`GET /api/tickets/:id`): the people ahead, the counter it is called to;
 * a finished or cancelled ticket leaves the screen. A failed request changes nothing and is tried again.
 */
async function refreshTicket(): Promise<void> {
  const held = current;
  if (!held) return;
  const response = await fetch(`/api/tickets/${encodeURIComponent(held.ticket.id)}`).catch(() => undefined);
  if (!response || current?.ticket.id !== held.ticket.id) return;
  if (response.status === 404) return clearTicketCard();
  if (!response.ok) return;
  const { ticket } = (await response.json()) as { ticket: { status: string; counter?: number; waitingAhead: number; estimatedWaitMinutes: number } };
  if (ticket.status === 'done' || ticket.status === 'cancelled') return clearTicketCard();
  const { waitingAhead, estimatedWaitMinutes } = ticket;
  current = {
    ...held,
    ticket: { ...held.ticket, ...(ticket.counter !== undefined ? { counter: ticket.counter } : {}), waitingAhead, estimatedWaitMinutes },
    status: ticket.status === 'called' ? 'called' : 'waiting',
  };
  renderTicket(shownIn);
}

/** Re-labels the card and the slip in the page's language. */
export function relabelTicketCard(language: Language): void {
  if (current) renderTicket(language);
}

/** True while the citizen holds a ticket (the restart asks before it goes). */
export function hasTicket(): boolean {
  return current !== undefined;
}

/** Prints the slip only (the page's print stylesheet shows nothing else), on the kiosk's receipt printer. */
export function printTicketSlip(): void {
  if (!current) return;
  document.body.classList.add('printing-slip');
  const done = () => document.body.classList.remove('printing-slip');
  window.addEventListener('afterprint', done, { once: true });
  window.print();
  // Chromium's print() returns after the dialog; afterprint may not fire headless.
  setTimeout(done, 0);
}

/** Forgets the ticket and empties the card and the slip (idle wipe, "Bắt đầu lại"). */
export function clearTicketCard(): void {
  current = undefined;
  if (timer) clearInterval(timer);
  timer = undefined;
  $('ticket-card').classList.remove('called');
  $('ticket-card').hidden = true;
  for (const id of ['ticket-card-number', 'ticket-card-counter', 'ticket-card-wait', 'slip-number', 'slip-counter', 'slip-wait', 'slip-time']) {
    $(id).textContent = '';
  }
}

function renderTicket(language: Language): void {
  if (!current) return;
  shownIn = language;
  const { ticket, takenAt, status } = current;
  const counter = ticket.counter !== undefined ? counterText(language, ticket.counter) : t(language, 'ticketAnyCounter');
  const wait = status === 'called' ? t(language, 'ticketCalled') : waitText(language, ticket.waitingAhead, ticket.estimatedWaitMinutes);
  $('ticket-card').classList.toggle('called', status === 'called');
  $('ticket-card-number').textContent = String(ticket.number);
  $('ticket-card-counter').textContent = counter;
  $('ticket-card-wait').textContent = wait;
  $('ticket-card').hidden = false;
  $('slip-number').textContent = String(ticket.number);
  $('slip-counter').textContent = counter;
  $('slip-wait').textContent = wait;
  const time = takenAt.toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  $('slip-time').textContent = `${slipTime(language, time)} · ${takenAt.toLocaleDateString(language === 'vi' ? 'vi-VN' : 'en-GB')}`;
}
