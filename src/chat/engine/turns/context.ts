import type { Entry, WardSettings } from '../../../knowledge/schema.js';
import type { SearchDocument } from '../../../retrieval/corpus/build-corpus.js';
import type { SearchResponse } from '../../../retrieval/search/retriever.js';
import type { Language } from '../../../text/index.js';
import type { Question } from '../../../understand/index.js';
import type { DossierValidation, FormDefinition } from '../../../forms/types.js';
import type { Channel } from '../../../storage/types.js';
import type { AnswerFrame } from '../../protocol.js';
import type { DialogueState } from '../state.js';
import type { UsageCount } from '../usage-events.js';

/** What the engine needs from retrieval. */
export interface ChatRetrieval {
  search(query: string | Question, k: number): Promise<SearchResponse>;
  getDocument(id: string): SearchDocument | undefined;
}

/** The pre-fillable forms as the engine needs them. */
export interface FormCatalog {
  get(id: string): FormDefinition | undefined;
  forProcedure(entryId: string): FormDefinition | undefined;
  validate(form: FormDefinition, values: Record<string, string>, today: Date): DossierValidation;
}

/** A moment of life and the procedures it usually needs (knowledge/situations). */
export interface LifeSituation {
  id: string;
  title: { vi: string; en: string };
  intro: { vi: string; en: string };
  triggers: { vi: string[]; en: string[] };
  procedures: { id: string; when?: { vi: string; en: string } | undefined }[];
}

/** A reply as composed by a turn, before the engine stamps it with its message id and language. */
export type Reply = Omit<AnswerFrame, 'type' | 'messageId' | 'language'>;

/** A composed reply, the state the conversation moves to, and how it counts on the officials' dashboard. */
export interface Turn {
  frame: Reply;
  state: DialogueState;
  count?: UsageCount;
  /**
   * The citizen confirmed a form: store the dossier with its confirmation. `frame` and `state` are then what is
   * said when it cannot be stored (the summary stays, one tap tries again).
   */
  save?: { form: FormDefinition; values: Record<string, string>; state: DialogueState };
  /** The citizen asked for an official at the kiosk: take (or give back) the session's queue ticket. */
  takeTicket?: true;
}

/** What every kind of turn may read: the knowledge in force, the forms and the clock. */
export interface TurnContext {
  retrieval(): ChatRetrieval;
  ward(): WardSettings | undefined;
  situations(): readonly LifeSituation[];
  forms: FormCatalog | undefined;
  channel: Channel;
  now(): Date;
  retentionDays: number;
  /** Keeps an unanswered question (redacted) for the officials' inbox. */
  recordGap(text: string, language: Language, response: SearchResponse, reason: 'unanswered' | 'low-confidence' | 'out-of-scope'): Promise<void>;
  entriesOf(ids: string[]): Entry[];
}
