/**
 * The storage interface. Every method is asynchronous so that a PostgreSQL adapter (many instances, one database)
 * is an adapter, not a rewrite. Timestamps are `Date`s; ids are opaque strings.
 *
 * Personal data: session state, message text, feedback comments, gap questions and dossier values are encrypted at
 * rest. Message `meta` is stored in plain text and must never hold personal data; gap questions are redacted by the
 * caller too (officials read them).
 *
 * The records and repositories are declared one kind a file in ./records/ and re-exported here: import from this file.
 */
import type { AuditRepository } from './records/audit.js';
import type { CallbackRepository, SettingRepository } from './records/callbacks.js';
import type { MessageRepository, SessionRepository } from './records/conversations.js';
import type { DossierRepository } from './records/dossiers.js';
import type { FeedbackRepository } from './records/feedback.js';
import type { GapRepository } from './records/gaps.js';
import type { OfficialRepository, OfficialSessionRepository } from './records/officials.js';
import type { RetentionRepository } from './records/retention.js';
import type { RevisionRepository } from './records/revisions.js';
import type { TicketRepository } from './records/tickets.js';
import type { UsageRepository } from './records/usage.js';

export type * from './records/conversations.js';
export type * from './records/tickets.js';
export type * from './records/feedback.js';
export type * from './records/gaps.js';
export type * from './records/dossiers.js';
export type * from './records/callbacks.js';
export type * from './records/retention.js';
export type * from './records/officials.js';
export type * from './records/revisions.js';
export type * from './records/audit.js';
export type * from './records/usage.js';

/** What a transaction callback receives: the same repositories, bound to the open transaction. */
export interface StorageTx {
  sessions: SessionRepository;
  messages: MessageRepository;
  tickets: TicketRepository;
  feedback: FeedbackRepository;
  gaps: GapRepository;
  retention: RetentionRepository;
  dossiers: DossierRepository;
  callbacks: CallbackRepository;
  settings: SettingRepository;
  officials: OfficialRepository;
  officialSessions: OfficialSessionRepository;
  revisions: RevisionRepository;
  audit: AuditRepository;
  usage: UsageRepository;
}

export interface Storage extends StorageTx {
  /**
   * Runs `fn` atomically: everything it writes through `tx` commits together, or nothing does if it throws.
   * Inside `fn`, use `tx` only — calling the outer storage from inside throws (it would deadlock or escape the tx).
   */
  transaction<T>(fn: (tx: StorageTx) => Promise<T>): Promise<T>;
  /** Waits for queued work, then releases the database. */
  close(): Promise<void>;
}
