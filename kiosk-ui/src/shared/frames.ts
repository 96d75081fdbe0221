// The protocol's types come from the server so the UI cannot drift from it (type-only: nothing is bundled).
export type { AnswerFrame, CitationFrame, ClientFrame, ServerFrame, TicketFrame } from '../../../src/chat/protocol.js';
export type { Aspect } from '../../../src/understand/types.js';
export type { Language } from '../../../src/text/language.js';
// `GET /api/forms`: the forms as the server publishes them.
export type { PublicField, PublicForm } from '../../../src/forms/public.js';
// `GET /api/speech`'s voices and `GET /api/speech/config`.
export type { SpeechConfigBody, Voice as SpeechVoice } from '../../../src/speech/synth/voices.js';
