export type Channel = 'kiosk' | 'widget' | 'http';
import type { Language } from '../../shared/language.js';

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
