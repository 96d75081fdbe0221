import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { SearchResponse } from '../../retrieval/search/retriever.js';
import type { SearchDocument } from '../../retrieval/corpus/build-corpus.js';
import { detectLanguage, foldForMatch, isStopword } from '../../text/index.js';
import { AppError } from '../../shared/errors.js';
import { wardDayOf } from '../../shared/ward-time.js';
import type { Logger } from '../../shared/logger.js';
import type { Session, Storage } from '../../storage/types.js';
import { composeAnswer, composeChoices, composeFallback, detectAspect, removeAspectPhrases, type Aspect } from '../compose/index.js';
import type { AnswerFrame, SessionFrame, TicketFrame } from '../protocol.js';
import { redactPersonalData } from './redact.js';
import { detectSmalltalk, replyToSmalltalk } from './smalltalk.js';
import type { DialogueState } from './state.js';
import { composeTicketText } from './ticket-text.js';
import type { Rephraser } from '../llm/rephrase.js';
import type { DossierValidation, FormDefinition } from '../../forms/types.js';
import { continueForm, reopenFields, startForm, type FormTurn } from '../forms/form-dialogue.js';
import { isYes } from '../forms/words.js';
import type { PrintTokens } from '../../dossiers/index.js';
import { ConversationStore, type LoadedSession } from './conversation-store.js';
import { composeDossierNotSaved, composeDossierSaved, ticketUnavailableError } from './notices.js';
import { usageEventsOf, type UsageCount } from './usage-events.js';

/** What the engine needs from retrieval. */
export interface ChatRetrieval {
  search(query: string, k: number): Promise<SearchResponse>;
  getDocument(id: string): SearchDocument | undefined;
}

export interface ChatEngineOptions {
  retrieval: () => ChatRetrieval | undefined;
  storage: Storage;
  ward: () => WardSettings | undefined;
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

/** The pre-fillable forms as the engine needs them. */
export interface FormCatalog {
  get(id: string): FormDefinition | undefined;
  forProcedure(entryId: string): FormDefinition | undefined;
  validate(form: FormDefinition, values: Record<string, string>, today: Date): DossierValidation;
}

type Reply = Omit<AnswerFrame, 'type' | 'messageId' | 'language'>;

// Words that only carry a follow-up ("còn … thì sao?", "what about …") and name no procedure.
const FOLLOW_UP_WORDS = new Set(['con', 'thi', 'sao', 'the', 'nao', 'vay', 'nua', 'them', 'and', 'what', 'about', 'also', 'then']);
// Two entries whose lexical scores are this close are equally likely: ask which one is meant.
const CLARIFY_MARGIN = 0.95;
const LOW_CONFIDENCE_COVERAGE = 0.6;

/** A composed reply, the state the conversation moves to, and how it counts on the officials' dashboard. */
interface Turn {
  frame: Reply;
  state: DialogueState;
  count?: UsageCount;
  /**
   * The citizen confirmed a form: store the dossier with its confirmation. `frame` and `state` are then what is
   * said when it cannot be stored (the summary stays, one tap tries again).
   */
  save?: { form: FormDefinition; values: Record<string, string>; state: DialogueState };
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
  async open(input: { sessionId?: string | undefined; channel: Session['channel']; language?: 'vi' | 'en' | undefined }): Promise<SessionFrame> {
    return this.store.open(input);
  }

  /** Answers a citizen's message: small talk, a choice, a follow-up, or a new question. */
  async message(sessionId: string, text: string): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    // A form keeps the language it started in; only an explicit switch changes it (docs/protocol.md).
    const language = loaded.state.form ? loaded.state.language : pickLanguage(text, loaded.state.language);
    await this.store.saveMessage(loaded, { role: 'citizen', text });
    return this.finish(loaded, await this.replyTo(text, { ...loaded.state, language }, loaded.session));
  }

  /** Answers a tap on a clarifying choice or a suggested procedure. */
  async choose(sessionId: string, entryId: string): Promise<AnswerFrame> {
    if (entryId.startsWith('form:start:')) return this.startForm(sessionId, entryId.slice('form:start:'.length));
    if (entryId === 'form:yes' || entryId === 'form:no') return this.message(sessionId, entryId === 'form:yes' ? 'có' : 'không');
    // A quick reply of the form dialogue that stands for words ("Bỏ qua", "Mẹ").
    if (entryId.startsWith('form:say:')) return this.message(sessionId, entryId.slice('form:say:'.length));
    const loaded = await this.store.load(sessionId);
    const { pending } = loaded.state;
    const turn = this.answerEntry(entryId, pending?.aspect ?? 'general', loaded.state);
    return this.finish(loaded, { ...turn, count: pending?.source === 'clarify' ? 'resolution' : 'question' });
  }

  /** Answers a tap on a follow-up (another aspect of the last procedure). */
  async followUp(sessionId: string, aspect: Aspect): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    if (!loaded.state.lastEntryId) throw new AppError({ status: 409, code: 'no_topic', message: 'Bạn hãy hỏi về một thủ tục trước nhé.' });
    return this.finish(loaded, { ...this.answerEntry(loaded.state.lastEntryId, aspect, loaded.state), count: 'question' });
  }

  /** Stores a thumbs up/down (with an optional comment) on one of the assistant's messages. */
  async feedback(sessionId: string, input: { messageId: string; rating: 'up' | 'down'; comment?: string | undefined }): Promise<void> {
    await this.store.addFeedback(sessionId, input);
  }

  /** Takes a queue ticket for a hand-over to an official and says how long the wait is. */
  async handover(sessionId: string, topic?: string): Promise<TicketFrame> {
    const loaded = await this.store.load(sessionId);
    const { state } = loaded;
    const entryId = topic ?? state.lastEntryId;
    const doc = entryId ? this.retrieval().getDocument(entryId) : undefined;
    const ward = this.options.ward();
    const counter = doc ? pickCounter(doc.entry, ward) : undefined;
    const ticket = await this.store.createTicket(loaded, { ...(doc ? { topic: doc.id } : {}), ...(counter ? { counter: counter.number } : {}) });
    if (!ticket) throw ticketUnavailableError(state.language, counter?.number);
    const waitingAhead = await this.options.storage.tickets.countWaitingBefore(ticket.id);
    const estimatedWaitMinutes = waitingAhead * this.minutesPerTicket;
    this.log.info({ ticket: ticket.number, waitingAhead }, 'hand-over ticket');
    await this.store.recordUsage([{ metric: 'handover' }]);
    return {
      type: 'ticket',
      text: composeTicketText({ number: ticket.number, waitingAhead, estimatedWaitMinutes, counter, language: state.language, exampleWard: ward?.example ?? true }),
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
  async setLanguage(sessionId: string, language: 'vi' | 'en'): Promise<AnswerFrame | undefined> {
    const loaded = await this.store.load(sessionId);
    const state = { ...loaded.state, language };
    const form = state.form ? this.options.forms?.get(state.form.formId) : undefined;
    if (!form || !state.form) {
      await this.store.saveState(loaded, state);
      return undefined;
    }
    const turn = continueForm(form, state.form, language === 'en' ? 'English' : 'tiếng Việt', this.formOptions(language));
    return this.send(loaded, formReply(form, turn), { ...state, form: turn.state });
  }

  /** Starts pre-filling a form (a tap on "Điền sẵn tờ khai"): the consent notice first. */
  async startForm(sessionId: string, formId: string): Promise<AnswerFrame> {
    const loaded = await this.store.load(sessionId);
    const { state } = loaded;
    const form = this.options.forms?.get(formId);
    if (!form) throw new AppError({ status: 404, code: 'unknown_form', message: 'Không có mẫu tờ khai này.' });
    const turn = startForm(form, this.formOptions(state.language), this.prefill(form));
    return this.send(loaded, formReply(form, turn), { ...state, form: turn.state, offer: undefined, pending: undefined });
  }

  private async replyTo(text: string, state: DialogueState, session: Session): Promise<Turn> {
    const activeForm = state.form ? this.options.forms?.get(state.form.formId) : undefined;
    if (state.form && activeForm) return this.continueFormDialogue(activeForm, state, text);
    if (state.offer && isYes(text)) {
      const form = this.options.forms?.get(state.offer);
      if (form) {
        const turn = startForm(form, this.formOptions(state.language), this.prefill(form));
        return { frame: formReply(form, turn), state: { ...state, form: turn.state, offer: undefined } };
      }
    }
    const smalltalk = detectSmalltalk(text);
    if (smalltalk) return { frame: { kind: 'smalltalk', text: replyToSmalltalk(smalltalk, state.language), citations: [], handover: false }, state };

    const picked = state.pending ? matchChoice(text, state.pending.choices) : undefined;
    if (picked) return { ...this.answerEntry(picked, state.pending?.aspect ?? 'general', state), count: state.pending?.source === 'clarify' ? 'resolution' : 'question' };

    const aspect = detectAspect(text);
    const response = await this.retrieval().search(text, 5);
    const top = response.results[0];
    // A follow-up asks about another aspect without naming a procedure: at most one word is left once the
    // aspect phrase, filler and follow-up words are taken out ("còn lệ phí thì sao?", "mất bao lâu?").
    const topicWords = removeAspectPhrases(text).filter((w) => !isStopword(w) && !FOLLOW_UP_WORDS.has(w));
    const isFollowUp =
      state.lastEntryId !== undefined &&
      aspect !== 'general' &&
      (topicWords.length <= 1 || !response.answerable || top?.id === state.lastEntryId);
    if (isFollowUp && state.lastEntryId) return { ...this.answerEntry(state.lastEntryId, aspect, state), count: 'question' };

    if (!response.answerable || !top) {
      await this.recordGap(text, state.language, response, response.evidence.coverage > 0.2 ? 'unanswered' : 'out-of-scope');
      const reason = response.results.length > 0 && response.evidence.coverage > 0.2 ? 'unsure' : 'out-of-scope';
      const suggestions = reason === 'unsure' ? this.entriesOf(response.results.slice(0, 3).map((r) => r.id)) : [];
      const fallback = composeFallback({ suggestions, language: state.language, reason });
      return {
        frame: { kind: 'fallback', text: fallback.text, citations: [], choices: fallback.suggestions, handover: true },
        state: { ...state, pending: { choices: fallback.suggestions, aspect, source: 'fallback' } },
        count: 'question',
      };
    }

    const second = response.results[1];
    if (second && (response.evidence.margin ?? 0) >= CLARIFY_MARGIN && session.channel !== 'http') {
      const entries = this.entriesOf(response.results.slice(0, 3).filter((r) => r.score >= (top.score * 0.9)).map((r) => r.id));
      if (entries.length >= 2) {
        const composed = composeChoices(entries, state.language);
        return {
          frame: { kind: 'clarify', text: composed.text, citations: [], choices: composed.choices, handover: false },
          state: { ...state, pending: { choices: composed.choices, aspect, source: 'clarify' } },
          count: 'question',
        };
      }
    }
    if (response.evidence.coverage < LOW_CONFIDENCE_COVERAGE) await this.recordGap(text, state.language, response, 'low-confidence');
    return { ...this.answerEntry(top.id, aspect, state), count: 'question' };
  }

  private answerEntry(entryId: string, aspect: Aspect, state: DialogueState): Turn {
    const doc = this.retrieval().getDocument(entryId);
    if (!doc) throw new AppError({ status: 404, code: 'unknown_procedure', message: 'Không tìm thấy thủ tục này.' });
    const ward = this.options.ward();
    const composed = composeAnswer({ entry: doc.entry, folded: doc.folded, aspect, language: state.language, ...(ward ? { ward } : {}) });
    const form = this.options.forms?.forProcedure(doc.id);
    const offer = form
      ? state.language === 'en'
        ? `\n\nI can pre-fill the “${form.title.en}” for you to print. Would you like that?`
        : `\n\nTôi có thể giúp bạn điền sẵn “${form.title.vi}” để in mang đến quầy. Bạn có muốn không?`
      : '';
    return {
      frame: {
        kind: 'answer',
        text: composed.text + offer,
        citations: composed.citations,
        entryId: doc.id,
        followUps: composed.followUps,
        handover: composed.handover,
        ...(form ? { choices: [{ id: `form:start:${form.id}`, label: state.language === 'en' ? 'Pre-fill the form' : 'Điền sẵn tờ khai' }] } : {}),
      },
      state: { language: state.language, lastEntryId: doc.id, lastAspect: aspect, ...(form ? { offer: form.id } : {}) },
    };
  }

  private continueFormDialogue(form: FormDefinition, current: DialogueState, text: string): Turn {
    let turn = continueForm(form, current.form!, text, this.formOptions(current.language));
    const state = turn.language ? { ...current, language: turn.language } : current;
    const options = this.formOptions(state.language);
    if (turn.submit && turn.state) {
      const validation = this.options.forms!.validate(form, turn.submit, this.now());
      if (!validation.ok) turn = reopenFields(form, turn.state, validation.errors, options);
      else {
        // Said only if the dossier cannot be stored: the summary stays, and "Thử lưu lại" submits it again.
        const retry = state.language === 'en' ? 'Try again' : 'Thử lưu lại';
        return {
          frame: {
            kind: 'form',
            text: composeDossierNotSaved(state.language),
            citations: [],
            handover: false,
            choices: [{ id: 'form:yes', label: retry }],
            form: { formId: form.id, stage: turn.state.stage, values: turn.state.values, asking: [] },
          },
          state: { ...state, form: turn.state },
          save: { form, values: validation.values, state: { language: state.language, ...(state.lastEntryId ? { lastEntryId: state.lastEntryId } : {}) } },
        };
      }
    }
    const { form: _previous, ...rest } = state;
    return { frame: formReply(form, turn), state: { ...rest, ...(turn.state ? { form: turn.state } : {}) } };
  }

  /** Sends a turn's reply (storing the dossier first when the citizen confirmed one) and counts it. */
  private async finish(loaded: LoadedSession, turn: Turn): Promise<AnswerFrame> {
    const saved = turn.save ? await this.saveDossier(loaded, turn.save) : undefined;
    const frame = saved ?? (await this.send(loaded, turn.frame, turn.state));
    await this.store.recordUsage(usageEventsOf(turn.count, frame));
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

  /**
   * What the ward already knows: the addressee and the place (only from real settings, never the example) and
   * today's date. The CT01 goes to the ward's police, the civil-status forms to its People's Committee.
   */
  private prefill(form: FormDefinition): Record<string, string> {
    const ward = this.options.ward();
    const today = wardDayOf(this.now());
    const office = form.id.startsWith('ct01') ? 'Công an' : 'Ủy ban nhân dân';
    return { ngay_khai: today, ...(ward && !ward.example ? { kinh_gui: `${office} ${ward.wardName}`, noi_khai: ward.wardName } : {}) };
  }

  private formOptions(language: 'vi' | 'en') {
    return { language, today: this.now(), retentionDays: this.options.retentionDays ?? 30 };
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

  private async reword(reply: Reply, language: 'vi' | 'en'): Promise<Reply> {
    const rephraser = this.options.rephraser;
    if (!rephraser || reply.kind !== 'answer' || !reply.entryId || reply.citations.length === 0) return reply;
    const doc = this.retrieval().getDocument(reply.entryId);
    const text = doc ? await rephraser.rephrase({ text: reply.text, entry: doc.entry, language }) : undefined;
    return text ? { ...reply, text } : reply;
  }

  private retrieval(): ChatRetrieval {
    const retrieval = this.options.retrieval();
    if (!retrieval) throw new AppError({ status: 503, code: 'service_unavailable', message: 'Hệ thống đang khởi động, vui lòng thử lại sau giây lát.' });
    return retrieval;
  }

  private entriesOf(ids: string[]): Entry[] {
    return ids.flatMap((id) => {
      const doc = this.retrieval().getDocument(id);
      return doc ? [doc.entry] : [];
    });
  }

  private async recordGap(text: string, language: 'vi' | 'en', response: SearchResponse, reason: 'unanswered' | 'low-confidence' | 'out-of-scope'): Promise<void> {
    await this.store.recordGap({ question: redactPersonalData(text), language, reason, topIds: response.results.slice(0, 3).map((r) => r.id) });
  }
}

function formReply(form: FormDefinition, turn: FormTurn): Reply {
  return {
    kind: 'form',
    text: turn.text,
    citations: [],
    handover: false,
    ...(turn.choices ? { choices: turn.choices } : {}),
    ...(turn.state ? { form: { formId: form.id, stage: turn.state.stage, values: turn.state.values, asking: turn.state.asking } } : {}),
  };
}

function pickLanguage(text: string, current: 'vi' | 'en'): 'vi' | 'en' {
  // One or two words ("ok", "CCCD") say little about the language: keep the conversation's.
  return text.trim().split(/\s+/).length >= 3 ? detectLanguage(text) : current;
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
