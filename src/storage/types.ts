/**
 * The storage interface. Every method is asynchronous so that a PostgreSQL adapter (many instances, one database)
 * is an adapter, not a rewrite. Timestamps are `Date`s; ids are opaque strings.
 *
 * Personal data: session state, message text, feedback comments, gap questions and dossier values are encrypted at
 * rest. Message `meta` is stored in plain text and must never hold personal data; gap questions are redacted by the
 * caller too (officials read them).
 */

import type { Language } from '../text/language.js';

export type Channel = 'kiosk' | 'widget' | 'http';
export type { Language };

/** Dialogue state of a session: any JSON-serialisable object. May hold personal data (encrypted at rest). */
export type SessionState = Record<string, unknown>;

export interface Session {
  /** Random, unguessable (128 bits, base64url): possession of the id is what lets a widget resume. */
  id: string;
  channel: Channel;
  language: Language;
  createdAt: Date;
  lastSeenAt: Date;
  /** Set once the session is ended; an ended session must never be resumed (callers refuse it). */
  endedAt?: Date;
  state: SessionState;
}

export interface CreateSessionInput {
  channel: Channel;
  language: Language;
  state?: SessionState;
}

export interface SessionRepository {
  /** Starts a session with an empty (or given) state. */
  create(input: CreateSessionInput): Promise<Session>;
  /** The session, ended or not, or undefined when unknown (or purged). */
  get(id: string): Promise<Session | undefined>;
  /** Records activity now. Throws `not_found` for an unknown id and `session_ended` for an ended session. */
  touch(id: string): Promise<void>;
  /** Replaces the dialogue state (and touches). Same errors as `touch`. */
  updateState(id: string, state: SessionState): Promise<void>;
  /** Ends the session for good; idempotent (keeps the first end time). Throws `not_found` for an unknown id. */
  end(id: string): Promise<Session>;
}

export type MessageRole = 'citizen' | 'assistant';

/** Plain-text metadata of a message. Must not contain personal data: it is stored unencrypted. */
export interface MessageMeta {
  kind?: string;
  citationIds?: string[];
  answerable?: boolean;
  [key: string]: unknown;
}

export interface Message {
  id: string;
  sessionId: string;
  role: MessageRole;
  /** Decrypted text (encrypted at rest). */
  text: string;
  meta: MessageMeta;
  createdAt: Date;
}

export interface AppendMessageInput {
  sessionId: string;
  role: MessageRole;
  text: string;
  meta?: MessageMeta;
}

export interface MessageRepository {
  /** Appends a message to an open session (touching it); `session_ended` / `not_found` otherwise. Returns its id. */
  append(input: AppendMessageInput): Promise<string>;
  /** The session's messages oldest → newest; with `limit`, the most recent `limit` of them (still oldest first). */
  list(sessionId: string, options?: { limit?: number }): Promise<Message[]>;
}

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

export type Rating = 'up' | 'down';

export interface Feedback {
  id: string;
  sessionId: string;
  messageId: string;
  rating: Rating;
  /** Decrypted comment (encrypted at rest: free text may hold personal data). */
  comment?: string;
  createdAt: Date;
}

export interface AddFeedbackInput {
  sessionId: string;
  messageId: string;
  rating: Rating;
  comment?: string;
}

export interface FeedbackRepository {
  /** Records a rating of one message of the session; `not_found` if the message is not in that session. */
  add(input: AddFeedbackInput): Promise<Feedback>;
  /** Newest first, optionally filtered. */
  list(options?: { rating?: Rating; since?: Date; limit?: number }): Promise<Feedback[]>;
}

export type GapReason = 'unanswered' | 'low-confidence' | 'out-of-scope';
export type GapStatus = 'open' | 'dismissed' | 'attached';

export interface Gap {
  id: string;
  /** Redacted by the caller before storing, and encrypted at rest; officials read and group the opened text. */
  question: string;
  language: Language;
  reason: GapReason;
  /** Closest entry ids retrieval offered, best first. */
  topIds: string[];
  status: GapStatus;
  createdAt: Date;
}

export interface AddGapInput {
  question: string;
  language: Language;
  reason: GapReason;
  topIds?: string[];
}

export interface GapRepository {
  /** Records a question the assistant could not answer confidently (already redacted by the caller). */
  add(input: AddGapInput): Promise<Gap>;
  /** Newest first, optionally filtered. */
  list(options?: { since?: Date; status?: GapStatus; limit?: number }): Promise<Gap[]>;
  /** Changes the review status; `not_found` for an unknown id. */
  setStatus(id: string, status: GapStatus): Promise<Gap>;
}

export type DossierStatus = 'new' | 'received';

/** A form's values as a flat dot-path map (`ben_nu.ho_ten`, `thanh_vien.0.ho_ten`): personal data throughout. */
export type DossierValues = Record<string, string>;

export interface Dossier {
  id: string;
  /** What the citizen brings to the counter and the official types or scans (see src/dossiers/reference-code.ts). */
  reference: string;
  formId: string;
  channel: Channel;
  sessionId?: string;
  /** The ward day (YYYY-MM-DD in Asia/Ho_Chi_Minh) it was created on. */
  wardDay: string;
  status: DossierStatus;
  /** Decrypted values (encrypted at rest). */
  values: DossierValues;
  createdAt: Date;
  receivedAt?: Date;
  /** Who received it at the counter (encrypted at rest: an official's name is personal data too). */
  receivedBy?: string;
}

export interface CreateDossierInput {
  formId: string;
  /** The kiosk or widget session that filled it, if any; must be open. */
  sessionId?: string;
  values: DossierValues;
  channel: Channel;
}

export interface DossierRepository {
  /** Stores a pre-filled dossier under a fresh unique reference, status `new`. */
  create(input: CreateDossierInput): Promise<Dossier>;
  /** The dossier for a reference as typed (case, spaces and look-alike letters forgiven), or undefined. */
  getByReference(reference: string): Promise<Dossier | undefined>;
  /** Dossiers created today (Asia/Ho_Chi_Minh), oldest first, optionally of one status. */
  listToday(options?: { status?: DossierStatus }): Promise<Dossier[]>;
  /** Marks a dossier received at the counter; idempotent (keeps the first time). `not_found` for an unknown reference. */
  markReceived(reference: string, options?: { by?: string }): Promise<Dossier>;
  /** Deletes dossiers created more than `days` days ago; returns how many went. */
  purgeOlderThan(days: number): Promise<number>;
}

export interface PurgeOptions {
  /** Sessions idle (last seen) for longer than this many days are deleted with their messages and feedback. */
  conversationsDays: number;
  /** Feedback older than this is deleted even if its session remains (defaults to `conversationsDays`). */
  feedbackDays?: number;
  /** Tickets of ward days older than this are deleted (defaults to `conversationsDays`). */
  ticketsDays?: number;
  /** Dossiers created longer ago than this are deleted (defaults to `conversationsDays`). */
  dossiersDays?: number;
}

export interface PurgeCounts {
  sessions: number;
  messages: number;
  feedback: number;
  tickets: number;
  dossiers: number;
}

export interface RetentionRepository {
  /** Deletes old conversations (and what hangs on them); returns how many rows of each kind went. */
  purgeOlderThan(options: PurgeOptions): Promise<PurgeCounts>;
}

/** What a transaction callback receives: the same repositories, bound to the open transaction. */
export interface StorageTx {
  sessions: SessionRepository;
  messages: MessageRepository;
  tickets: TicketRepository;
  feedback: FeedbackRepository;
  gaps: GapRepository;
  retention: RetentionRepository;
  dossiers: DossierRepository;
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

// ─── Officials' workbench ──────────────────────────────────────────────────────────────────────────────────────

export type OfficialRole = 'editor' | 'approver' | 'admin';

/** An official's account. Officials' names are not citizens' data; they are shown in the audit log and history. */
export interface Official {
  id: string;
  /** Unique, stored lower-cased and trimmed; what the official types to log in. */
  username: string;
  displayName: string;
  role: OfficialRole;
  disabled: boolean;
  /** Failed log-ins since the last success. */
  failedAttempts: number;
  /** Set while the account is locked after repeated failures. */
  lockedUntil?: Date;
  createdAt: Date;
  passwordChangedAt: Date;
}

/** An account with its password hash: only the login path ever reads this. */
export interface OfficialWithSecret extends Official {
  /** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>` (see src/admin/auth/password.ts). */
  passwordHash: string;
}

export interface CreateOfficialInput {
  username: string;
  displayName: string;
  role: OfficialRole;
  passwordHash: string;
}

export interface UpdateOfficialInput {
  displayName?: string;
  role?: OfficialRole;
  disabled?: boolean;
  /** A new hash; also sets passwordChangedAt and clears failures and lock. */
  passwordHash?: string;
}

export interface OfficialRepository {
  /** Creates an account; `conflict` (409, code `username_taken`) when the username exists (case-insensitively). */
  create(input: CreateOfficialInput): Promise<Official>;
  get(id: string): Promise<Official | undefined>;
  /** The account with its hash for a username as typed (trimmed, case-insensitive), or undefined. */
  findByUsername(username: string): Promise<OfficialWithSecret | undefined>;
  /** All accounts by username. */
  list(): Promise<Official[]>;
  /** How many accounts exist (the first one must be an admin, made by `npm run admin:create-user`). */
  count(): Promise<number>;
  /** Counts one failed log-in and, when `lockUntil` is given, locks the account until then. Returns the account. */
  recordFailure(id: string, lockUntil?: Date): Promise<Official>;
  /** Clears failures and lock after a successful log-in. */
  recordSuccess(id: string): Promise<void>;
  /** Changes an account; `not_found` for an unknown id. */
  update(id: string, patch: UpdateOfficialInput): Promise<Official>;
}

/** A logged-in official's session. The cookie holds a random token; only its SHA-256 is stored. */
export interface OfficialSession {
  /** SHA-256 (hex) of the cookie token. */
  tokenHash: string;
  officialId: string;
  /** Sent back by the workbench in `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface OfficialSessionRepository {
  create(input: { tokenHash: string; officialId: string; csrfToken: string; expiresAt: Date }): Promise<OfficialSession>;
  /** The session, or undefined when unknown or expired (expired ones are deleted on sight). */
  get(tokenHash: string): Promise<OfficialSession | undefined>;
  /** Sliding expiry: records activity and moves the expiry. */
  touch(tokenHash: string, expiresAt: Date): Promise<void>;
  /** Logs out one session; idempotent. */
  delete(tokenHash: string): Promise<void>;
  /** Logs out every session of an official (password change, account disabled); returns how many went. */
  deleteForOfficial(officialId: string): Promise<number>;
  /** Deletes expired sessions; returns how many went. */
  purgeExpired(): Promise<number>;
}

/**
 * What an official edits: a knowledge entry (target id = entry id), the ward settings (target id `ward`) or a life
 * situation (target id = situation id).
 */
export type RevisionTarget = 'entry' | 'ward-settings' | 'situation';

/**
 * draft: waiting for an approver. published: was (or is) live — the newest published revision of a target is the
 * current one. superseded: a draft replaced by a newer draft of the same target before it was published.
 * discarded: a draft an approver or its author threw away.
 */
export type RevisionStatus = 'draft' | 'published' | 'superseded' | 'discarded';

export interface Revision {
  id: string;
  targetKind: RevisionTarget;
  targetId: string;
  /** 1, 2, 3, … per target, in the order revisions were created. */
  number: number;
  status: RevisionStatus;
  /**
   * The full content (an entry or the ward settings, as JSON), or null for "back to the shipped file"
   * (a rollback to the baseline).
   */
  content: unknown;
  /** The published revision this edit started from; undefined when it started from the shipped file. */
  baseRevisionId?: string;
  /** When this revision restores an older one: that revision's id (or `baseline`). */
  restoresRevisionId?: string;
  /** The official's note on why ("phí mới theo Nghị quyết …"). */
  note?: string;
  authorId: string;
  createdAt: Date;
  publishedBy?: string;
  publishedAt?: Date;
}

export interface CreateRevisionInput {
  targetKind: RevisionTarget;
  targetId: string;
  content: unknown;
  /** The published revision the author saw (undefined = the shipped file). */
  baseRevisionId?: string;
  restoresRevisionId?: string;
  note?: string;
  authorId: string;
}

export interface RevisionRepository {
  /**
   * Saves a draft, superseding any older draft of the same target. `stale_revision` (409) when `baseRevisionId`
   * is not the target's current published revision (someone published in between) — nothing is written then.
   */
  createDraft(input: CreateRevisionInput): Promise<Revision>;
  get(id: string): Promise<Revision | undefined>;
  /** Every revision of one target, newest first. */
  listForTarget(targetKind: RevisionTarget, targetId: string): Promise<Revision[]>;
  /** Open drafts of every target, oldest first (the approvers' queue). */
  listDrafts(): Promise<Revision[]>;
  /** The current (newest) published revision of a target, or undefined when the shipped file is current. */
  currentPublished(targetKind: RevisionTarget, targetId: string): Promise<Revision | undefined>;
  /** The current published revision of every target of a kind (the overlay applied at start-up). */
  listCurrentPublished(targetKind: RevisionTarget): Promise<Revision[]>;
  /**
   * Publishes a draft: it becomes the current revision. `stale_revision` (409) when its base is no longer the
   * current published revision; `revision_not_draft` (409) when it is not an open draft; `not_found` otherwise.
   */
  publish(id: string, publishedBy: string): Promise<Revision>;
  /** Discards an open draft; `revision_not_draft` (409) when it is not one. */
  discard(id: string): Promise<Revision>;
}

export interface AuditEvent {
  id: string;
  /** Undefined for actions of the system or of a CLI (e.g. `npm run admin:create-user`). */
  officialId?: string;
  /** The username at the time (kept even if the account is renamed or disabled). */
  actor: string;
  /** e.g. `login`, `login.failed`, `revision.draft`, `revision.publish`, `gap.dismiss`, `dossier.received`. */
  action: string;
  targetKind?: string;
  targetId?: string;
  /** State before and after, as JSON; never a password hash, a token or a citizen's personal data. */
  before?: unknown;
  after?: unknown;
  createdAt: Date;
}

export interface AddAuditInput {
  officialId?: string;
  actor: string;
  action: string;
  targetKind?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRepository {
  add(input: AddAuditInput): Promise<AuditEvent>;
  /** Newest first. */
  list(options?: { since?: Date; officialId?: string; action?: string; targetId?: string; limit?: number }): Promise<AuditEvent[]>;
}

/**
 * Usage counters per ward day for the dashboard: no personal data, and not purged with conversations, so the
 * dashboard can show months. Metrics: `question`, `answered`, `declined`, `handover`, `dossier`, `procedure`
 * (key = entry id), `feedback.up`, `feedback.down`.
 */
export interface UsageCount {
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  day: string;
  metric: string;
  /** '' when the metric has no key. */
  key: string;
  count: number;
}

export interface UsageRepository {
  /** Adds to today's (Asia/Ho_Chi_Minh) counters. */
  record(events: { metric: string; key?: string; count?: number }[]): Promise<void>;
  /** Counters of the ward days `from`..`to` inclusive (YYYY-MM-DD), by day then metric then key. */
  list(range: { from: string; to: string }): Promise<UsageCount[]>;
}
