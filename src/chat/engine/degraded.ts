import { randomBytes } from 'node:crypto';
import { isAppError } from '../../shared/errors.js';
import { isStorageError } from '../../storage/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { Session } from '../../storage/types.js';
import type { DialogueState } from './state.js';

/** Storage error codes a conversation survives: the disk is read-only, full or failing, or a write broke. */
const SURVIVABLE_CODES = new Set(['storage_unavailable', 'storage_failed']);

/** A Map that forgets its least recently set entries beyond `max`, so degraded mode cannot grow without bound. */
class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}

/**
 * Runs the writes a conversation can live without (messages, dialogue state, gaps, usage counters) so that a
 * read-only or full disk never stops the answers. Each kind of failure is logged once — operation and code only,
 * never the data — until that operation succeeds again.
 */
export class WriteGuard {
  private readonly failing = new Map<string, { code: string; count: number }>();
  constructor(private readonly log: Logger) {}

  /**
   * Runs `write`; returns `{ value }` on success, or undefined when storage could not write. Errors that are not
   * storage failures (a session that ended, an unknown message) pass through unless `anyError` is set.
   */
  async run<T>(op: string, write: () => Promise<T>, { anyError = false } = {}): Promise<{ value: T } | undefined> {
    let value: T;
    try {
      value = await write();
    } catch (error) {
      const code = isAppError(error) || isStorageError(error) ? error.code : error instanceof Error ? error.name : 'unknown';
      if (!anyError && !SURVIVABLE_CODES.has(code)) throw error;
      this.noteFailure(op, code);
      return undefined;
    }
    const failed = this.failing.get(op);
    if (failed) {
      this.failing.delete(op);
      this.log.info({ op, failures: failed.count }, 'storage write recovered');
    }
    return { value };
  }

  private noteFailure(op: string, code: string): void {
    const failed = this.failing.get(op);
    if (failed && failed.code === code) {
      failed.count += 1;
      return;
    }
    this.failing.set(op, { code, count: 1 });
    this.log.warn({ op, code }, 'storage write failed; the conversation goes on without it');
  }
}

/**
 * What the engine keeps in memory while storage cannot write: sessions that could not be created (ephemeral),
 * the newest dialogue state of sessions whose state could not be saved, ids of assistant messages shown but
 * not stored, and sessions ended while their end could not be stored. Everything is bounded and in memory only.
 */
export class SessionMemory {
  private readonly ephemeral = new BoundedMap<string, Session & { state: DialogueState }>(1000);
  /** An ephemeral session id → the stored session it became once storage could write again. */
  private readonly aliases = new BoundedMap<string, string>(10_000);
  /** With when it was kept: a stored session written after that (by another instance) is newer than it. */
  private readonly states = new BoundedMap<string, { state: DialogueState; keptAt: number }>(1000);
  private readonly unsavedMessages = new BoundedMap<string, true>(10_000);
  private readonly ended = new BoundedMap<string, true>(10_000);

  /** The stored session id behind what the client holds (an ephemeral id may have been promoted). */
  resolve(clientId: string): string {
    return this.aliases.get(clientId) ?? clientId;
  }

  /** Starts a session that lives only in this process. */
  createEphemeral(input: { channel: Session['channel']; language: Session['language'] }): Session & { state: DialogueState } {
    const now = new Date();
    const session = { id: randomBytes(16).toString('base64url'), channel: input.channel, language: input.language, createdAt: now, lastSeenAt: now, state: { language: input.language } };
    this.ephemeral.set(session.id, session);
    return session;
  }

  getEphemeral(id: string): (Session & { state: DialogueState }) | undefined {
    return this.ephemeral.get(id);
  }

  isEphemeral(id: string): boolean {
    return this.ephemeral.has(id);
  }

  /** The ephemeral session now has a stored twin: later turns use it. */
  promote(ephemeralId: string, storedId: string): void {
    this.ephemeral.delete(ephemeralId);
    this.aliases.set(ephemeralId, storedId);
  }

  /**
   * The newest state of a session: what could not be stored, else undefined (read it from storage). Given when the
   * stored session was last written, a kept state older than that is dropped: with several instances sharing the
   * database, the conversation went on elsewhere and the database holds the newer state.
   */
  stateOf(id: string, storedLastSeenAt?: Date): DialogueState | undefined {
    const ephemeral = this.ephemeral.get(id);
    if (ephemeral) return ephemeral.state;
    const kept = this.states.get(id);
    if (kept && storedLastSeenAt && storedLastSeenAt.getTime() > kept.keptAt) {
      this.states.delete(id);
      return undefined;
    }
    return kept?.state;
  }

  /** Keeps a state that could not be stored (or the state of an ephemeral session). */
  keepState(id: string, state: DialogueState): void {
    const session = this.ephemeral.get(id);
    if (session) this.ephemeral.set(id, { ...session, state, lastSeenAt: new Date() });
    else this.states.set(id, { state, keptAt: Date.now() });
  }

  /** The stored state is current again. */
  dropState(id: string): void {
    this.states.delete(id);
  }

  /** An id for an assistant message that was shown but could not be stored; feedback on it is acknowledged. */
  unsavedMessageId(): string {
    const id = randomBytes(16).toString('base64url');
    this.unsavedMessages.set(id, true);
    return id;
  }

  isUnsavedMessage(id: string): boolean {
    return this.unsavedMessages.has(id);
  }

  /** Forgets a session for good (ended): its state with any personal data goes, and it cannot be resumed here. */
  end(id: string): void {
    this.ephemeral.delete(id);
    this.states.delete(id);
    this.ended.set(id, true);
  }

  isEnded(id: string): boolean {
    return this.ended.has(id);
  }
}
