import type { Entry, WardSettings } from '../../knowledge/schema.js';
import type { SearchResponse } from '../../retrieval/search/retriever.js';
import type { SearchDocument } from '../../retrieval/corpus/build-corpus.js';
import { detectLanguage, foldForMatch, isStopword } from '../../retrieval/normalize/index.js';
import { AppError } from '../../shared/errors.js';
import { wardDayOf } from '../../shared/ward-time.js';
import type { Logger } from '../../shared/logger.js';
import type { Session, Storage } from '../../storage/types.js';
import { composeAnswer, composeChoices, composeFallback, detectAspect, removeAspectPhrases, type Aspect } from '../compose/index.js';
import type { AnswerFrame, SessionFrame, TicketFrame } from '../protocol.js';
import { redactPersonalData } from './redact.js';
import { detectSmalltalk, replyToSmalltalk } from './smalltalk.js';
import { readDialogueState, type DialogueState } from './state.js';
import { composeTicketText } from './ticket-text.js';
import type { Rephraser } from '../llm/rephrase.js';
import type { DossierValidation, FormDefinition } from '../../forms/types.js';
import { continueForm, reopenFields, startForm, type FormTurn } from '../forms/form-dialogue.js';
import { isYes } from '../forms/words.js';

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

/** The conversation engine shared by the WebSocket chat and the HTTP fallback. */
export class ChatEngine {
  private readonly log: Logger;
  private readonly minutesPerTicket: number;

  constructor(private readonly options: ChatEngineOptions) {
    this.log = options.logger.child({ module: 'chat' });
    this.minutesPerTicket = options.minutesPerTicket ?? 5;
  }

  /** Opens a new session, or resumes an open one by id (an ended or unknown id starts a new one). */
  async open(input: { sessionId?: string | undefined; channel: Session['channel']; language?: 'vi' | 'en' | undefined }): Promise<SessionFrame> {
    const { storage } = this.options;
    if (input.sessionId) {
      const existing = await storage.sessions.get(input.sessionId);
      if (existing && !existing.endedAt && existing.channel !== 'kiosk') {
        await storage.sessions.touch(existing.id);
        const history = await storage.messages.list(existing.id, { limit: 50 });
        const state = readDialogueState(existing.state, existing.language);
        return {
          type: 'session',
          sessionId: existing.id,
          resumed: true,
          language: state.language,
          history: history.map((m) => ({ role: m.role, text: m.text, messageId: m.id })),
        };
      }
    }
    const language = input.language ?? 'vi';
    const session = await storage.sessions.create({ channel: input.channel, language, state: { language } });
    return { type: 'session', sessionId: session.id, resumed: false, language, history: [] };
  }

  /** Answers a citizen's message: small talk, a choice, a follow-up, or a new question. */
  async message(sessionId: string, text: string): Promise<AnswerFrame> {
    const { state, session } = await this.loadState(sessionId);
    const language = pickLanguage(text, state.language);
    await this.options.storage.messages.append({ sessionId, role: 'citizen', text });
    const reply = await this.replyTo(text, { ...state, language }, session);
    return this.send(sessionId, reply.frame, reply.state);
  }

  /** Answers a tap on a clarifying choice or a suggested procedure. */
  async choose(sessionId: string, entryId: string): Promise<AnswerFrame> {
    if (entryId.startsWith('form:start:')) return this.startForm(sessionId, entryId.slice('form:start:'.length));
    if (entryId === 'form:yes' || entryId === 'form:no') return this.message(sessionId, entryId === 'form:yes' ? 'có' : 'không');
    const { state } = await this.loadState(sessionId);
    const aspect = state.pending?.aspect ?? 'general';
    const reply = this.answerEntry(entryId, aspect, state);
    return this.send(sessionId, reply.frame, reply.state);
  }

  /** Answers a tap on a follow-up (another aspect of the last procedure). */
  async followUp(sessionId: string, aspect: Aspect): Promise<AnswerFrame> {
    const { state } = await this.loadState(sessionId);
    if (!state.lastEntryId) throw new AppError({ status: 409, code: 'no_topic', message: 'Bạn hãy hỏi về một thủ tục trước nhé.' });
    const reply = this.answerEntry(state.lastEntryId, aspect, state);
    return this.send(sessionId, reply.frame, reply.state);
  }

  /** Stores a thumbs up/down (with an optional comment) on one of the assistant's messages. */
  async feedback(sessionId: string, input: { messageId: string; rating: 'up' | 'down'; comment?: string | undefined }): Promise<void> {
    await this.options.storage.feedback.add({ sessionId, ...input });
  }

  /** Takes a queue ticket for a hand-over to an official and says how long the wait is. */
  async handover(sessionId: string, topic?: string): Promise<TicketFrame> {
    const { state } = await this.loadState(sessionId);
    const entryId = topic ?? state.lastEntryId;
    const doc = entryId ? this.retrieval().getDocument(entryId) : undefined;
    const ward = this.options.ward();
    const counter = doc ? pickCounter(doc.entry, ward) : undefined;
    const ticket = await this.options.storage.tickets.create({ sessionId, ...(doc ? { topic: doc.id } : {}), ...(counter ? { counter: counter.number } : {}) });
    const waitingAhead = await this.options.storage.tickets.countWaitingBefore(ticket.id);
    const estimatedWaitMinutes = waitingAhead * this.minutesPerTicket;
    this.log.info({ ticket: ticket.number, waitingAhead }, 'hand-over ticket');
    return {
      type: 'ticket',
      text: composeTicketText({ number: ticket.number, waitingAhead, estimatedWaitMinutes, counter, language: state.language, exampleWard: ward?.example ?? true }),
      ticket: { id: ticket.id, number: ticket.number, ...(counter ? { counter: counter.number } : {}), waitingAhead, estimatedWaitMinutes },
    };
  }

  /** Ends a session for good (the kiosk's idle wipe, or the citizen leaving). */
  async end(sessionId: string): Promise<void> {
    await this.options.storage.sessions.end(sessionId);
  }

  /** Starts pre-filling a form (a tap on "Điền sẵn tờ khai"): the consent notice first. */
  async startForm(sessionId: string, formId: string): Promise<AnswerFrame> {
    const { state } = await this.loadState(sessionId);
    const form = this.options.forms?.get(formId);
    if (!form) throw new AppError({ status: 404, code: 'unknown_form', message: 'Không có mẫu tờ khai này.' });
    const turn = startForm(form, this.formOptions(state.language), this.prefill());
    return this.send(sessionId, formReply(form, turn), { ...state, form: turn.state, offer: undefined, pending: undefined });
  }

  private async replyTo(text: string, state: DialogueState, session: Session): Promise<{ frame: Reply; state: DialogueState }> {
    const activeForm = state.form ? this.options.forms?.get(state.form.formId) : undefined;
    if (state.form && activeForm) return this.continueFormDialogue(activeForm, state, text, session);
    if (state.offer && isYes(text)) {
      const form = this.options.forms?.get(state.offer);
      if (form) {
        const turn = startForm(form, this.formOptions(state.language), this.prefill());
        return { frame: formReply(form, turn), state: { ...state, form: turn.state, offer: undefined } };
      }
    }
    const smalltalk = detectSmalltalk(text);
    if (smalltalk) return { frame: { kind: 'smalltalk', text: replyToSmalltalk(smalltalk, state.language), citations: [], handover: false }, state };

    const picked = state.pending ? matchChoice(text, state.pending.choices) : undefined;
    if (picked) return this.answerEntry(picked, state.pending?.aspect ?? 'general', state);

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
    if (isFollowUp && state.lastEntryId) return this.answerEntry(state.lastEntryId, aspect, state);

    if (!response.answerable || !top) {
      await this.recordGap(text, state.language, response, response.evidence.coverage > 0.2 ? 'unanswered' : 'out-of-scope');
      const reason = response.results.length > 0 && response.evidence.coverage > 0.2 ? 'unsure' : 'out-of-scope';
      const suggestions = reason === 'unsure' ? this.entriesOf(response.results.slice(0, 3).map((r) => r.id)) : [];
      const fallback = composeFallback({ suggestions, language: state.language, reason });
      return { frame: { kind: 'fallback', text: fallback.text, citations: [], choices: fallback.suggestions, handover: true }, state: { ...state, pending: { choices: fallback.suggestions, aspect } } };
    }

    const second = response.results[1];
    if (second && (response.evidence.margin ?? 0) >= CLARIFY_MARGIN && session.channel !== 'http') {
      const entries = this.entriesOf(response.results.slice(0, 3).filter((r) => r.score >= (top.score * 0.9)).map((r) => r.id));
      if (entries.length >= 2) {
        const composed = composeChoices(entries, state.language);
        return { frame: { kind: 'clarify', text: composed.text, citations: [], choices: composed.choices, handover: false }, state: { ...state, pending: { choices: composed.choices, aspect } } };
      }
    }
    if (response.evidence.coverage < LOW_CONFIDENCE_COVERAGE) await this.recordGap(text, state.language, response, 'low-confidence');
    return this.answerEntry(top.id, aspect, state);
  }

  private answerEntry(entryId: string, aspect: Aspect, state: DialogueState): { frame: Reply; state: DialogueState } {
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

  private async continueFormDialogue(form: FormDefinition, state: DialogueState, text: string, session: Session): Promise<{ frame: Reply; state: DialogueState }> {
    const options = this.formOptions(state.language);
    let turn = continueForm(form, state.form!, text, options);
    if (turn.submit && turn.state) {
      const validation = this.options.forms!.validate(form, turn.submit, this.now());
      if (!validation.ok) turn = reopenFields(form, turn.state, validation.errors, options);
      else {
        const dossier = await this.options.storage.dossiers.create({ formId: form.id, sessionId: session.id, values: validation.values, channel: session.channel });
        const printUrl = `/api/dossiers/${dossier.reference}/print?sessionId=${encodeURIComponent(session.id)}`;
        const saved =
          state.language === 'en'
            ? `Saved. Your dossier code is ${dossier.reference}. Print the form, check it, and bring it with your papers to the one-stop desk; the official will sign it off with you.`
            : `Đã lưu tờ khai. Mã hồ sơ của bạn là ${dossier.reference}. Bạn in tờ khai, kiểm tra lại và mang cùng giấy tờ đến bộ phận một cửa; cán bộ sẽ đối chiếu và hướng dẫn bạn ký.`;
        return {
          frame: { kind: 'form', text: saved, citations: [], handover: false, form: { formId: form.id, stage: 'saved', values: validation.values, asking: [] }, dossier: { reference: dossier.reference, printUrl } },
          state: { language: state.language, ...(state.lastEntryId ? { lastEntryId: state.lastEntryId } : {}) },
        };
      }
    }
    const { form: _previous, ...rest } = state;
    return { frame: formReply(form, turn), state: { ...rest, ...(turn.state ? { form: turn.state } : {}) } };
  }

  /** What the ward already knows: the addressee (only from real settings, never the example) and today's date. */
  private prefill(): Record<string, string> {
    const ward = this.options.ward();
    const today = wardDayOf(this.now());
    return { ngay_khai: today, ...(ward && !ward.example ? { kinh_gui: `Ủy ban nhân dân ${ward.wardName}`, noi_khai: ward.wardName } : {}) };
  }

  private formOptions(language: 'vi' | 'en') {
    return { language, today: this.now(), retentionDays: this.options.retentionDays ?? 30 };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async send(sessionId: string, composed: Reply, state: DialogueState): Promise<AnswerFrame> {
    const reply = await this.reword(composed, state.language);
    const meta = { kind: reply.kind, citations: reply.citations.map((c) => c.id) };
    const messageId = await this.options.storage.messages.append({ sessionId, role: 'assistant', text: reply.text, meta });
    await this.options.storage.sessions.updateState(sessionId, state);
    return { type: 'answer', ...reply, messageId, language: state.language };
  }

  private async reword(reply: Reply, language: 'vi' | 'en'): Promise<Reply> {
    const rephraser = this.options.rephraser;
    if (!rephraser || reply.kind !== 'answer' || !reply.entryId || reply.citations.length === 0) return reply;
    const doc = this.retrieval().getDocument(reply.entryId);
    const text = doc ? await rephraser.rephrase({ text: reply.text, entry: doc.entry, language }) : undefined;
    return text ? { ...reply, text } : reply;
  }

  private async loadState(sessionId: string): Promise<{ state: DialogueState; session: Session }> {
    const session = await this.options.storage.sessions.get(sessionId);
    if (!session) throw new AppError({ status: 404, code: 'session_not_found', message: 'Phiên trò chuyện không còn. Vui lòng bắt đầu lại.' });
    if (session.endedAt) throw new AppError({ status: 410, code: 'session_ended', message: 'Phiên trò chuyện đã kết thúc. Vui lòng bắt đầu lại.' });
    return { session, state: readDialogueState(session.state, session.language) };
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
    await this.options.storage.gaps.add({ question: redactPersonalData(text), language, reason, topIds: response.results.slice(0, 3).map((r) => r.id) });
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
