import type { TicketFrame } from '../shared/frames.js';
import { counterText, slipTime, t, waitText, type Language } from './i18n.js';
import './ticket-card.css';

type Ticket = TicketFrame['ticket'];

const $ = (id: string) => document.getElementById(id) as HTMLElement;

// The session's one open ticket (the server returns the same one when asked again), kept until the wipe.
let current: { ticket: Ticket; takenAt: Date } | undefined;

/**
 * Shows the queue ticket as a card at the top of the page (number, counter, wait) and fills the 80 mm slip: the
 * number must stay on screen after the announcement is closed (issue 16: "the ticket disappears").
 */
export function showTicketCard(ticket: Ticket, language: Language): void {
  // Asking again returns the same ticket: the time it was taken stays the first one.
  const takenAt = current?.ticket.id === ticket.id ? current.takenAt : new Date();
  current = { ticket, takenAt };
  renderTicket(language);
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
  $('ticket-card').hidden = true;
  for (const id of ['ticket-card-number', 'ticket-card-counter', 'ticket-card-wait', 'slip-number', 'slip-counter', 'slip-wait', 'slip-time']) {
    $(id).textContent = '';
  }
}

function renderTicket(language: Language): void {
  if (!current) return;
  const { ticket, takenAt } = current;
  const counter = ticket.counter !== undefined ? counterText(language, ticket.counter) : t(language, 'ticketAnyCounter');
  const wait = waitText(language, ticket.waitingAhead, ticket.estimatedWaitMinutes);
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
