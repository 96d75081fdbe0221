/**
 * The conversation engine: each public method is one verb of the chat protocol, and `replyTo` routes an analysed
 * message to one kind of turn in ./turns/. Why this file is a little over ~300 lines: what is left here is the one
 * place where a turn is stored, rephrased, sent and counted (tickets, saved dossiers, gaps); the turns themselves
 * and the session store already live in their own files, and splitting this glue would scatter that sequence.
 */
import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { SearchResponse } from '../../retrieval/search/retriever.js';
import { pickSuggestions } from '../../retrieval/search/relevance.js';
import { foldForMatch, type Language } from '../../text/index.js';
import { understand, type Aspect, type Question } from '../../understand/index.js';
import { AppError, noTopicError, ticketUnavailableError, unavailableError, unknownFormError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { Session, Storage } from '../../storage/types.js';
import type { AnswerFrame, SessionFrame, TicketFrame } from '../protocol.js';
import { detectSmalltalk, replyToSmalltalk } from './smalltalk.js';
import type { DialogueState } from './state.js';
import { composeTicketText } from './ticket-text.js';
import type { Rephraser } from '../llm/rephrase.js';
import { ConversationStore, type LoadedSession } from './conversation-store.js';
import { composeDossierSaved } from './notices.js';
import { usageEventsOf } from './usage-events.js';
import { answerEntry } from './turns/answer-entry.js';
import type { ChatRetrieval, FormCatalog, LifeSituation, Reply, Turn, TurnContext } from './turns/context.js';
import { continueFormTurn, startFormTurn, switchFormLanguage } from './turns/form-turn.js';
import type { PrintTokens } from '../../dossiers/index.js';
import { declineTurn, handoverTurn } from './turns/handover.js';
import { answerQuestion } from './turns/new-question.js';
import { isStorageError } from '../../storage/errors.js';

export type { ChatRetrieval, FormCatalog, LifeSituation } from './turns/context.js';

export interface ChatEngineOptions {
  retrieval: () => ChatRetrieval | undefined;
  storage: Storage;
  ward: () => WardSettings | undefined;
  /** The moments of life in force (knowledge/situations), for checklists; none when omitted. */
  situations?: () => readonly LifeSituation[];
  logger: Logger;
  /** Minutes one hand-over takes on average, for the estimated wait. */
  minutesPerTicket?: number;
  /** Optional language-model rewording of composed answers (off unless configured). */
  rephraser?: Rephraser | undefined;
  /** The forms the assistant can pre-fill; none means no pre-filling. */
  forms?: FormCatalog | undefined;
  /** Days before stored personal data is purged (said in the consent notice). */
  retentionDays?: number;
  /** Signs the short-lived print link of a saved dossier (the HTTP app reads it with the same key). */
  printTokens?: PrintTokens | undefined;
  now?: () => Date;
}

/**
 * The conversation engine shared by the WebSocket chat and the HTTP fallback. Storage failures of the bookkeeping
 * (messages, dialogue state, gaps, usage counters) never stop an answer; only what the citizen asked to be kept —
 * a hand-over ticket or a dossier — is reported when it cannot be stored.
 */
export class ChatEngine {
  private readonly log: Logger;
  private readonly minutesPerTicket: number;
  private readonly store: ConversationStore;

  constructor(private readonly options: ChatEngineOptions) {
    this.log = options.logger.child({ module: 'chat' });
    this.minutesPerTicket = options.minutesPerTicket ?? 5;
    this.store = new ConversationStore(options.storage, this.log);
  }

  /**
   * Opens a new session, or resumes an open one by id (an ended or unknown id starts a new one). When storage
   * cannot write, the new session lives in this process's memory only and the citizen is answered all the same.
   */
  async open(input: { sessionId?: string | undefined; channel: Session['channel']; language?: Language | undefined }): Promise<SessionFrame> {
    return this.store.open(input);
  }

  /** The channel of an open session, or undefined (the HTTP fallback refuses kiosk sessions without their secret). */
  async sessionChannel(sessionId: string): Promise<Session['channel'] | undefined> {
    return this.store.channelOf(sessionId);
  }

  /**
   * Answers a citizen's message. The message is analysed once (src/understand) and routed by kind of turn: the form
   * in progress, a reply to the assistant's own question, a request for a person, small talk, a pick among choices,
   * a follow-up, or a new question.
   */
  async message(sessionId: string, text: string): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    const question = understand(text, { language: loaded.state.language });
    // A form keeps the language it started in; only an explicit switch changes it (docs/protocol.md).
    const language = loaded.state.form ? loaded.state.language : question.language;
    await this.store.saveMessage(loaded, { role: 'citizen', text });
    return this.finish(loaded, await this.replyTo(question, { ...loaded.state, language }, loaded.session));
  }

  /** Answers a tap on a clarifying choice or a suggested procedure. */
  async choose(sessionId: string, entryId: string): Promise<AnswerFrame> {
    if (entryId.startsWith('form:start:')) return this.startForm(sessionId, entryId.slice('form:start:'.length));
    if (entryId === 'form:yes' || entryId === 'form:no') return this.message(sessionId, entryId === 'form:yes' ? 'có' : 'không');
    // A quick reply of the form dialogue that stands for words ("Bỏ qua", "Mẹ").
    if (entryId.startsWith('form:say:')) return this.message(sessionId, entryId.slice('form:say:'.length));
    // A quick reply of the form dialogue that stands for words ("Bỏ qua", "Mẹ").
    if (entryId.startsWith('form:say:')) return this.message(sessionId, entryId.slice('form:say:'.length));
    const loaded = await this.store.load(sessionId);
    const { pending } = loaded.state;
    const turn = answerEntry(this.context(loaded.session), entryId, pending?.aspect ?? 'general', loaded.state);
    return this.finish(loaded, { ...turn, count: pending?.source === 'clarify' ? 'resolution' : 'question' });
  }

  /** Answers a tap on a follow-up (another aspect of the last procedure). */
  async followUp(sessionId: string, aspect: Aspect): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    if (!loaded.state.lastEntryId) throw noTopicError();
    return this.finish(loaded, { ...answerEntry(this.context(loaded.session), loaded.state.lastEntryId, aspect, loaded.state), count: 'question' });
  }

  /** Stores a thumbs up/down (with an optional comment) on one of the assistant's messages. */
  async feedback(sessionId: string, input: { messageId: string; rating: 'up' | 'down'; comment?: string | undefined }): Promise<void> {
    await this.store.addFeedback(sessionId, input);
  }

  /**
   * The hand-over button. At the kiosk (and for HTTP clients): a queue ticket and the wait. In the website widget:
   * the ward's contact and the call-back offer, never a ticket — a visitor at home cannot stand in the queue.
   */
  async handover(sessionId: string, topic?: string): Promise<TicketFrame | AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    if (loaded.session.channel === 'widget') return this.finish(loaded, handoverTurn(this.context(loaded.session), loaded.state));
    return this.issueTicket(loaded, topic);
  }

  private async issueTicket(loaded: LoadedSession, topic?: string): Promise<TicketFrame> {
    const { state } = loaded;
    const entryId = topic ?? state.lastEntryId;
    const doc = entryId ? this.retrieval().getDocument(entryId) : undefined;
    const ward = this.options.ward();
    const counter = doc ? pickCounter(doc.entry, ward) : undefined;
    const taken = await this.store.createTicket(loaded, { ...(doc ? { topic: doc.id } : {}), ...(counter ? { counter: counter.number } : {}) });
    if (!taken) throw ticketUnavailableError(state.language, counter?.number);
    const { ticket, again } = taken;
    const waitingAhead = await this.options.storage.tickets.countWaitingBefore(ticket.id);
    const estimatedWaitMinutes = waitingAhead * this.minutesPerTicket;
    // Asking again gives the same ticket and place; only a new one is logged and counted.
    if (!again) {
      this.log.info({ ticket: ticket.number, waitingAhead }, 'hand-over ticket');
      await this.store.recordUsage([{ metric: 'handover' }]);
    }
    return {
      type: 'ticket',
      text: composeTicketText({ number: ticket.number, waitingAhead, estimatedWaitMinutes, counter, language: state.language, exampleWard: ward?.example ?? true, again }),
      ticket: { id: ticket.id, number: ticket.number, ...(counter ? { counter: counter.number } : {}), waitingAhead, estimatedWaitMinutes },
    };
  }

  /** Ends a session for good (the kiosk's idle wipe, or the citizen leaving). */
  async end(sessionId: string): Promise<void> {
    await this.store.end(sessionId);
  }

  /**
   * Switches the conversation's language on an explicit request (the language button). A form in progress asks its
   * current question again in that language; otherwise nothing is said.
   */
  async setLanguage(sessionId: string, language: Language): Promise<AnswerFrame | undefined> {
    const loaded = await this.store.load(sessionId);
    const state = { ...loaded.state, language };
    const form = state.form ? this.options.forms?.get(state.form.formId) : undefined;
    if (!form || !state.form) {
      await this.store.saveState(loaded, state);
      return undefined;
    }
    const turn = switchFormLanguage(this.context(loaded.session), form, state, language);
    return this.send(loaded, turn.frame, turn.state);
  }

  /** Starts pre-filling a form (a tap on "Điền sẵn tờ khai"): the consent notice first. */
  async startForm(sessionId: string, formId: string): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    const { state } = loaded;
    const form = this.options.forms?.get(formId);
    if (!form) throw unknownFormError();
    const turn = startFormTurn(this.context(loaded.session), form, state);
    return this.send(loaded, turn.frame, turn.state);
  }

  private async replyTo(question: Question, state: DialogueState, session: Session): Promise<Turn> {
    const ctx = this.context(session);
    const activeForm = state.form ? this.options.forms?.get(state.form.formId) : undefined;
    if (state.form && activeForm) return continueFormTurn(ctx, activeForm, state, question.text);
    // A bare yes/no answers the assistant's own last question: the form it offered, or an official.
    if (question.reply === 'yes' && state.offer) {
      const form = this.options.forms?.get(state.offer);
      if (form) return startFormTurn(ctx, form, state);
    }
    if (question.reply === 'yes' && state.awaiting === 'handover') return handoverTurn(ctx, state);
    if (question.reply === 'no' && (state.offer || state.awaiting)) return declineTurn(state);
    if (question.wantsPerson) return handoverTurn(ctx, state);

    const smalltalk = detectSmalltalk(question.text);
    if (smalltalk) return { frame: { kind: 'smalltalk', text: replyToSmalltalk(smalltalk, state.language), citations: [], handover: false }, state };

    const picked = state.pending ? matchChoice(question.text, state.pending.choices) : undefined;
    if (picked) return { ...answerEntry(ctx, picked, state.pending?.aspect ?? 'general', state), count: state.pending?.source === 'clarify' ? 'resolution' : 'question' };

    // Clarifying needs buttons; the plain HTTP client answers the best match.
    const { awaiting: _awaiting, ...rest } = state;
    return answerQuestion(ctx, question, rest, session.channel !== 'http');
  }

  /** What every kind of turn reads, for this session. */
  private context(session: Session): TurnContext {
    return {
      retrieval: () => this.retrieval(),
      ward: () => this.options.ward(),
      situations: () => this.options.situations?.() ?? [],
      forms: this.options.forms,
      channel: session.channel,
      now: () => this.now(),
      retentionDays: this.options.retentionDays ?? 30,
      recordGap: (question, language, response, reason) => this.recordGap(question, language, response, reason),
      entriesOf: (ids) => this.entriesOf(ids),
    };
  }

  /** Sends a turn's reply (storing the dossier first when the citizen confirmed one) and counts it. */
  private async finish(loaded: LoadedSession, turn: Turn): Promise<AnswerFrame> {
    if (turn.takeTicket) return this.sendTicket(loaded, turn);
    const saved = turn.save ? await this.saveDossier(loaded, turn.save) : undefined;
    const frame = saved ?? (await this.send(loaded, turn.frame, turn.state));
    await this.store.recordUsage(usageEventsOf(turn.count, frame));
    return frame;
  }

  /** A hand-over asked in words at the kiosk: the ticket rides on the answer (the client shows it as a ticket). */
  private async sendTicket(loaded: LoadedSession, turn: Turn): Promise<AnswerFrame> {
    let ticket: TicketFrame;
    try {
      ticket = await this.issueTicket(loaded);
    } catch (error) {
      // A refusal, or storage failing after the ticket: said in the answer, with the way to the desk.
      const refusal = error instanceof AppError ? error : isStorageError(error) ? ticketUnavailableError(loaded.state.language) : undefined;
      if (!refusal) throw error;
      return this.send(loaded, { ...turn.frame, text: refusal.message, handover: false }, turn.state);
    }
    const frame = await this.send(loaded, { ...turn.frame, text: ticket.text, ticket: ticket.ticket }, turn.state);
    return frame;
  }

  /** Stores a confirmed dossier with its confirmation; undefined when it cannot be stored. */
  private async saveDossier(loaded: LoadedSession, { form, values, state }: NonNullable<Turn['save']>): Promise<AnswerFrame | undefined> {
    const saved = await this.store.saveDossier(loaded, { formId: form.id, values, state, composeText: (reference) => composeDossierSaved(reference, state.language) });
    if (!saved) return undefined;
    await this.store.recordUsage([{ metric: 'dossier' }]);
    const { dossier, text, messageId } = saved;
    // A short-lived link to this one dossier, never the session id (docs/protocol.md, "Print links").
    const link = this.options.printTokens?.issue(dossier.reference, this.now());
    const print = link ? { printUrl: `/api/dossiers/print?token=${encodeURIComponent(link.token)}`, printExpiresAt: link.expiresAt.toISOString() } : {};
    return {
      type: 'answer',
      kind: 'form',
      text,
      citations: [],
      handover: false,
      form: { formId: form.id, stage: 'saved', values, asking: [] },
      dossier: { reference: dossier.reference, ...print },
      messageId,
      language: state.language,
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async send(loaded: LoadedSession, composed: Reply, state: DialogueState): Promise<AnswerFrame> {
    const reply = await this.reword(composed, state.language);
    const meta = { kind: reply.kind, citations: reply.citations.map((c) => c.id) };
    const messageId = await this.store.saveMessage(loaded, { role: 'assistant', text: reply.text, meta });
    await this.store.saveState(loaded, state);
    return { type: 'answer', ...reply, messageId, language: state.language };
  }

  private async reword(reply: Reply, language: Language): Promise<Reply> {
    const rephraser = this.options.rephraser;
    if (!rephraser || reply.kind !== 'answer' || !reply.entryId || reply.citations.length === 0) return reply;
    const doc = this.retrieval().getDocument(reply.entryId);
    const text = doc ? await rephraser.rephrase({ text: reply.text, entry: doc.entry, language }) : undefined;
    return text ? { ...reply, text } : reply;
  }

  private retrieval(): ChatRetrieval {
    const retrieval = this.options.retrieval();
    if (!retrieval) throw unavailableError();
    return retrieval;
  }

  private entriesOf(ids: string[]): Entry[] {
    return ids.flatMap((id) => {
      const doc = this.retrieval().getDocument(id);
      return doc ? [doc.entry] : [];
    });
  }

  private async recordGap(question: Question, language: Language, response: SearchResponse, reason: 'unanswered' | 'low-confidence' | 'out-of-scope'): Promise<void> {
    // Only entries above the chat's own suggestion floor are kept as the gap's suggestions: the workbench pre-selects
    // the first, and an unrelated procedure must not be one click away from receiving the question as an alias.
    await this.store.recordGap({ question: question.redacted, language, reason, topIds: pickSuggestions(response.results).map((r) => r.id) });
  }
}

/** A reply that picks one of the offered choices: its number ("2") or its name. */
export function matchChoice(text: string, choices: { id: string; label: string }[]): string | undefined {
  const folded = foldForMatch(text);
  const number = /^(so |lua chon |chon |option )?(\d)$/.exec(folded);
  if (number) return choices[Number(number[2]) - 1]?.id;
  if (folded.length < 4) return undefined;
  return choices.find((c) => foldForMatch(c.label) === folded)?.id;
}

function pickCounter(entry: Entry, ward: WardSettings | undefined): WardSettings['counters'][number] | undefined {
  if (!ward || !entry.field) return undefined;
  const field = foldForMatch(entry.field);
  return ward.counters.find((c) => c.fields.some((f) => field.includes(foldForMatch(f))));
}
