import { z } from 'zod';
import { LANGUAGES, type Language } from '../text/language.js';
import { ASPECTS, type Aspect } from '../understand/types.js';

/** Longest message a citizen may send (characters). */
export const MAX_MESSAGE_LENGTH = 1000;

export const AspectSchema = z.enum(ASPECTS);
export const LanguageSchema = z.enum(LANGUAGES);
export const ChannelSchema = z.enum(['kiosk', 'widget', 'http']);

const text = z
  .string({ message: 'Thiếu nội dung tin nhắn (text).' })
  .trim()
  .min(1, 'Tin nhắn trống.')
  .max(MAX_MESSAGE_LENGTH, `Tin nhắn dài quá ${MAX_MESSAGE_LENGTH} ký tự.`);

/** Every frame a client may send over `/ws/chat` (docs/protocol.md). */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    sessionId: z.string().min(8).max(64).optional(),
    language: LanguageSchema.optional(),
    channel: ChannelSchema.exclude(['http']).optional(),
  }),
  z.strictObject({ type: z.literal('message'), text }),
  z.strictObject({ type: z.literal('choice'), id: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('followup'), aspect: AspectSchema }),
  z.strictObject({
    type: z.literal('feedback'),
    messageId: z.string().min(1).max(64),
    rating: z.enum(['up', 'down']),
    comment: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ type: z.literal('handover'), topic: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('form'), formId: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('language'), language: LanguageSchema }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

/** A citation as every client receives it (docs/protocol.md; docs/decisions.md, "Contracts"). */
export interface CitationFrame {
  id: string;
  codes: string[];
  title: string;
  url?: string;
  legalBasis: { title: string; number?: string }[];
}

/** The frame that ends every reply to a message (docs/protocol.md; the core in docs/decisions.md, "Contracts"). */
export interface AnswerFrame {
  type: 'answer';
  kind: 'answer' | 'clarify' | 'form' | 'smalltalk' | 'fallback';
  text: string;
  citations: CitationFrame[];
  messageId: string;
  language: Language;
  /** The entry the answer is about, when there is one. */
  entryId?: string;
  /** Clarifying choices (kind clarify) or suggested procedures (kind fallback). */
  choices?: { id: string; label: string }[];
  /** Other aspects of the same procedure the citizen can ask about with one tap. */
  followUps?: { label: string; aspect: Aspect }[];
  /** True when the text offers a hand-over to an official. */
  handover: boolean;
  /** The form being pre-filled (kind form): its values so far, for the kiosk's live form view. */
  form?: { formId: string; stage: string; values: Record<string, string>; asking: string[] };
  /** The saved dossier, once the citizen confirmed the summary; the print link is short-lived and names only it. */
  dossier?: { reference: string; printUrl?: string; printExpiresAt?: string };
  /**
   * The ward's contact was given on the website: the widget may offer a call-back request (name, phone, consent;
   * `POST /api/callbacks`), kept at most `retentionDays`. Never a queue ticket there.
   */
  callback?: { retentionDays: number };
  /** A queue ticket taken because the citizen asked for an official in words (at the kiosk). */
  ticket?: TicketFrame['ticket'];
}

export interface SessionFrame {
  type: 'session';
  sessionId: string;
  resumed: boolean;
  language: Language;
  history: { role: 'citizen' | 'assistant'; text: string; messageId: string }[];
}

export interface TicketFrame {
  type: 'ticket';
  text: string;
  ticket: { id: string; number: number; counter?: number; waitingAhead: number; estimatedWaitMinutes: number };
}

export type ServerFrame =
  | SessionFrame
  | AnswerFrame
  | TicketFrame
  | { type: 'typing' }
  | { type: 'feedback_ack'; messageId: string }
  | { type: 'ended'; text: string }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; errors?: { field: string; message: string }[] };
