export type TicketStatus = 'waiting' | 'called' | 'done' | 'cancelled';

export interface Ticket {
  /** Random, unguessable: a citizen's page may poll its ticket by id. */
  id: string;
  /** Daily sequence, starting at 1 each ward day. */
  number: number;
  /** The ward day (YYYY-MM-DD in Asia/Ho_Chi_Minh) the number belongs to. */
  wardDay: string;
  status: TicketStatus;
  sessionId?: string;
  /** Knowledge entry id the citizen came about. */
  topic?: string;
  counter?: number;
  createdAt: Date;
  calledAt?: Date;
  finishedAt?: Date;
}

export interface CreateTicketInput {
  sessionId?: string;
  topic?: string;
  counter?: number;
}

export interface TicketRepository {
  /**
   * Takes the next number of today's (Asia/Ho_Chi_Minh) queue — or, for a session that already holds an open
   * (waiting or called) ticket today, returns that one: one open ticket per session.
   */
  create(input?: CreateTicketInput): Promise<Ticket>;
  /** The ticket, or undefined when unknown. */
  get(id: string): Promise<Ticket | undefined>;
  /** Today's tickets by number, optionally of one status. */
  listToday(options?: { status?: TicketStatus }): Promise<Ticket[]>;
  /** Calls (or re-calls) a waiting/called ticket to a counter; `ticket_closed` (409) if done or cancelled. */
  call(id: string, counter: number): Promise<Ticket>;
  /** Marks a waiting/called ticket done; `ticket_closed` if already closed. */
  finish(id: string): Promise<Ticket>;
  /** Cancels a waiting/called ticket; `ticket_closed` if already closed. */
  cancel(id: string): Promise<Ticket>;
  /** How many tickets of the same day are still waiting ahead of this one (0 once it is called). */
  countWaitingBefore(ticketId: string): Promise<number>;
}
