import type { Language } from './conversations.js';

export type CallbackStatus = 'new' | 'called' | 'done';

/**
 * A website visitor's request to be called back by an official (the widget's hand-over, docs/kiosk-ui.md). The
 * name and phone are personal data, sealed at rest; the plain columns hold only what the desk's list needs.
 */
export interface CallbackRequest {
  /** Random, unguessable. */
  id: string;
  status: CallbackStatus;
  /** Decrypted (sealed at rest). */
  name: string;
  /** Decrypted (sealed at rest), as normalised by the caller (e.g. `0912345678`). */
  phone: string;
  language: Language;
  /** The widget session it was asked from, while that session is kept. */
  sessionId?: string;
  /** Knowledge entry id the visitor was asking about. */
  topic?: string;
  createdAt: Date;
  calledAt?: Date;
  finishedAt?: Date;
  /** The official who marked it called or done (sealed at rest, like a dossier's receiver). */
  handledBy?: string;
}

export interface CreateCallbackInput {
  name: string;
  phone: string;
  language: Language;
  /** Must be an open session when given. */
  sessionId?: string;
  topic?: string;
}

export interface CallbackRepository {
  /** Stores a request, status `new`. */
  create(input: CreateCallbackInput): Promise<CallbackRequest>;
  get(id: string): Promise<CallbackRequest | undefined>;
  /** Every request still kept, oldest first (a request from last evening is still to be called), optionally of one status. */
  list(options?: { status?: CallbackStatus }): Promise<CallbackRequest[]>;
  /**
   * Moves a request on: `called` (again: the time is updated) or `done` (kept the first time). `callback_closed`
   * (409) when it is already done; `not_found` for an unknown id.
   */
  mark(id: string, status: 'called' | 'done', options?: { by?: string }): Promise<CallbackRequest>;
}

/**
 * Small settings officials change at run time (today: the origins allowed to embed the widget), as JSON by key.
 * Never personal data; not purged.
 */
export interface SettingRepository {
  /** The stored value, or undefined when never set (the environment's default applies then). */
  get(key: string): Promise<{ value: unknown; updatedAt: Date } | undefined>;
  /** Stores (or replaces) a value. */
  set(key: string, value: unknown): Promise<void>;
}

