import { z } from 'zod';
import { FormStateSchema } from '../forms/form-state.js';
import { AspectSchema, LanguageSchema } from '../protocol.js';
import type { Language } from '../../text/index.js';

/** What the assistant remembers of a conversation (stored encrypted: it may hold personal data later, with forms). */
export const DialogueStateSchema = z.object({
  language: LanguageSchema.default('vi'),
  lastEntryId: z.string().optional(),
  lastAspect: AspectSchema.optional(),
  /**
   * Choices offered by the last reply, with the aspect the citizen asked about; `source` says whether they came
   * from a clarifying question (a pick settles that question) or from a declined one (a pick is a new question).
   */
  pending: z
    .object({ choices: z.array(z.object({ id: z.string(), label: z.string() })), aspect: AspectSchema, source: z.enum(['clarify', 'fallback', 'situation']).optional() })
    .optional(),
  /** The assistant's own last question awaiting a yes or no ("Bạn có muốn gặp cán bộ không?"). */
  awaiting: z.enum(['handover']).optional(),
  /** A form offered after the last answer ("Bạn có muốn điền sẵn tờ khai không?"). */
  offer: z.string().optional(),
  /** The pre-filling dialogue in progress (holds personal data: the state is encrypted at rest). */
  form: FormStateSchema.optional(),
});
export type DialogueState = z.infer<typeof DialogueStateSchema>;

/** Reads a stored state, falling back to a fresh one if it is missing or from an older shape. */
export function readDialogueState(value: unknown, language: Language = 'vi'): DialogueState {
  const parsed = DialogueStateSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { language };
}
