import { sessionEndedError, sessionNotFoundError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AddGapInput, CreateTicketInput, Dossier, MessageMeta, Session, Storage, Ticket } from '../../storage/types.js';
import type { SessionFrame } from '../protocol.js';
import { SessionMemory, WriteGuard } from './degraded.js';
import { readDialogueState, type DialogueState } from './state.js';
import type { UsageEvent } from './usage-events.js';
import type { Language } from '../../text/index.js';

/** The session a turn runs in: stored, or ephemeral (in this process's memory only) while storage cannot write. */
export interface LoadedSession {
  session: Session;
  state: DialogueState;
  ephemeral: boolean;
}

/** A confirmed dossier to store with the reply that gives its code and the state after it. */
export interface DossierToSave {
  formId: string;
  values: Record<string, string>;
  state: DialogueState;
  composeText: (reference: string) => string;
}

type NewMessage = { role: 'citizen' | 'assistant'; text: string; meta?: MessageMeta };

/**
 * The chat engine's side of storage, built so that a read-only or full disk never stops an answer: messages,
 * dialogue state, gaps and usage counters are written when possible and otherwise kept in memory or dropped
 * (logged once per kind). What the citizen asked to be kept — a ticket, a dossier — reports `undefined` instead,
 * for the engine to say so.
 */
export class ConversationStore {
  private readonly writes: WriteGuard;
  private readonly memory = new SessionMemory();

  constructor(private readonly storage: Storage, log: Logger) {
    this.writes = new WriteGuard(log);
  }

  /** Opens a session or resumes an open, non-kiosk one; a session that cannot be stored lives in memory. */
  async open(input: { sessionId?: string | undefined; channel: Session['channel']; language?: Language | undefined }): Promise<SessionFrame> {
    const { storage } = this;
    const id = input.sessionId ? this.memory.resolve(input.sessionId) : undefined;
    if (input.sessionId && id && !this.memory.isEnded(id)) {
      const ephemeral = this.memory.getEphemeral(id);
      if (ephemeral && ephemeral.channel !== 'kiosk') {
        return { type: 'session', sessionId: input.sessionId, resumed: true, language: ephemeral.state.language, history: [] };
      }
      const existing = ephemeral ? undefined : await storage.sessions.get(id);
      if (existing && !existing.endedAt && existing.channel !== 'kiosk') {
        await this.writes.run('sessions.touch', () => storage.sessions.touch(existing.id));
        const history = await storage.messages.list(existing.id, { limit: 50 });
        const state = this.memory.stateOf(existing.id, existing.lastSeenAt) ?? readDialogueState(existing.state, existing.language);
        return {
          type: 'session',
          sessionId: input.sessionId,
          resumed: true,
          language: state.language,
          history: history.map((m) => ({ role: m.role, text: m.text, messageId: m.id })),
        };
      }
    }
    const language = input.language ?? 'vi';
    const created = await this.writes.run('sessions.create', () => storage.sessions.create({ channel: input.channel, language, state: { language } }));
    const sessionId = created?.value.id ?? this.memory.createEphemeral({ channel: input.channel, language }).id;
    return { type: 'session', sessionId, resumed: false, language, history: [] };
  }

  /** The channel of an open session (stored or in memory); undefined when unknown or ended. */
  async channelOf(clientId: string): Promise<Session['channel'] | undefined> {
    const id = this.memory.resolve(clientId);
    if (this.memory.isEnded(id)) return undefined;
    const ephemeral = this.memory.getEphemeral(id);
    if (ephemeral) return ephemeral.channel;
    const session = await this.storage.sessions.get(id);
    return session && !session.endedAt ? session.channel : undefined;
  }

  /** The session and its newest state; `session_not_found` (404) or `session_ended` (410) otherwise. */
  async load(clientId: string): Promise<LoadedSession> {
    const id = this.memory.resolve(clientId);
    if (this.memory.isEnded(id)) throw sessionEndedError('Phiên trò chuyện đã kết thúc. Vui lòng bắt đầu lại.');
    const ephemeral = this.memory.getEphemeral(id);
    if (ephemeral) return this.promote(ephemeral);
    const session = await this.storage.sessions.get(id);
    if (!session) throw sessionNotFoundError();
    if (session.endedAt) throw sessionEndedError('Phiên trò chuyện đã kết thúc. Vui lòng bắt đầu lại.');
    return { session, state: this.memory.stateOf(id, session.lastSeenAt) ?? readDialogueState(session.state, session.language), ephemeral: false };
  }

  /** Stores a message; its id, or an id remembered as unsaved when storage cannot write. */
  async saveMessage(loaded: LoadedSession, message: NewMessage): Promise<string> {
    if (loaded.ephemeral) return this.memory.unsavedMessageId();
    const saved = await this.writes.run('messages.append', () => this.storage.messages.append({ sessionId: loaded.session.id, ...message }));
    return saved?.value ?? this.memory.unsavedMessageId();
  }

  /** Stores the dialogue state, or keeps it in memory so the conversation stays coherent while storage cannot write. */
  async saveState(loaded: LoadedSession, state: DialogueState): Promise<void> {
    const id = loaded.session.id;
    if (loaded.ephemeral) return this.memory.keepState(id, state);
    const saved = await this.writes.run('sessions.updateState', () => this.storage.sessions.updateState(id, state));
    if (saved) this.memory.dropState(id);
    else this.memory.keepState(id, state);
  }

  /**
   * Stores a confirmed dossier, the reply that carries its code and the state after it in one transaction: after
   * a crash either all of it is there or none of it (the citizen confirms again) — never a dossier the citizen was
   * not told about. Undefined when storage cannot write.
   */
  async saveDossier(loaded: LoadedSession, save: DossierToSave): Promise<{ dossier: Dossier; text: string; messageId: string } | undefined> {
    if (loaded.ephemeral) return undefined;
    const { session } = loaded;
    const saved = await this.writes.run('dossiers.create', () =>
      this.storage.transaction(async (tx) => {
        const dossier = await tx.dossiers.create({ formId: save.formId, sessionId: session.id, values: save.values, channel: session.channel });
        const text = save.composeText(dossier.reference);
        const messageId = await tx.messages.append({ sessionId: session.id, role: 'assistant', text, meta: { kind: 'form', citations: [] } });
        await tx.sessions.updateState(session.id, save.state);
        return { dossier, text, messageId };
      }),
    );
    if (saved) this.memory.dropState(session.id);
    return saved?.value;
  }

  /**
   * Takes a queue ticket (not linked to a session that exists only in memory), or gives back the one the session
   * already holds (`again`: one open ticket per session); undefined when storage cannot write.
   */
  async createTicket(loaded: LoadedSession, input: Omit<CreateTicketInput, 'sessionId'>): Promise<{ ticket: Ticket; again: boolean } | undefined> {
    const linked = loaded.ephemeral ? input : { ...input, sessionId: loaded.session.id };
    const held = loaded.ephemeral ? undefined : (await this.storage.tickets.listToday()).find((t) => t.sessionId === loaded.session.id && (t.status === 'waiting' || t.status === 'called'));
    const ticket = (await this.writes.run('tickets.create', () => this.storage.tickets.create(linked)))?.value;
    return ticket ? { ticket, again: ticket.id === held?.id } : undefined;
  }

  /** Stores a rating; a message shown while storage could not write has no row to rate, so it is only counted. */
  async addFeedback(clientId: string, input: { messageId: string; rating: 'up' | 'down'; comment?: string | undefined }): Promise<void> {
    const id = this.memory.resolve(clientId);
    if (!this.memory.isEphemeral(id) && !this.memory.isUnsavedMessage(input.messageId)) {
      await this.writes.run('feedback.add', () => this.storage.feedback.add({ sessionId: id, ...input }));
    }
    await this.recordUsage([{ metric: `feedback.${input.rating}` }]);
  }

  /** Ends a session for good; even if that cannot be stored, this process never resumes it. */
  async end(clientId: string): Promise<void> {
    const id = this.memory.resolve(clientId);
    const ephemeral = this.memory.isEphemeral(id);
    this.memory.end(id);
    if (!ephemeral) await this.writes.run('sessions.end', () => this.storage.sessions.end(id));
  }

  /** Records an unanswered question for officials (already redacted); skipped when storage cannot write. */
  async recordGap(gap: AddGapInput): Promise<void> {
    await this.writes.run('gaps.add', () => this.storage.gaps.add(gap));
  }

  /** Moves the dashboard counters; whatever goes wrong with them never costs the citizen a reply. */
  async recordUsage(events: UsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.writes.run('usage.record', () => this.storage.usage.record(events), { anyError: true });
  }

  /** Gives an ephemeral session a stored twin as soon as storage writes again, so tickets, dossiers and printing work. */
  private async promote(ephemeral: Session & { state: DialogueState }): Promise<LoadedSession> {
    const { channel, language, state } = ephemeral;
    const created = await this.writes.run('sessions.create', () => this.storage.sessions.create({ channel, language, state }));
    if (!created) return { session: ephemeral, state, ephemeral: true };
    this.memory.promote(ephemeral.id, created.value.id);
    return { session: created.value, state, ephemeral: false };
  }
}
