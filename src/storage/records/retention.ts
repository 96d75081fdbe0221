export interface PurgeOptions {
  /** Sessions idle (last seen) for longer than this many days are deleted with their messages and feedback. */
  conversationsDays: number;
  /** Feedback older than this is deleted even if its session remains (defaults to `conversationsDays`). */
  feedbackDays?: number;
  /** Tickets of ward days older than this are deleted (defaults to `conversationsDays`). */
  ticketsDays?: number;
  /** Dossiers created longer ago than this are deleted (defaults to `conversationsDays`). */
  dossiersDays?: number;
  /** Call-back requests made longer ago than this are deleted, called or not (defaults to `conversationsDays`). */
  callbacksDays?: number;
}

export interface PurgeCounts {
  sessions: number;
  messages: number;
  feedback: number;
  tickets: number;
  dossiers: number;
  callbacks: number;
}

export interface RetentionRepository {
  /** Deletes old conversations (and what hangs on them); returns how many rows of each kind went. */
  purgeOlderThan(options: PurgeOptions): Promise<PurgeCounts>;
}
