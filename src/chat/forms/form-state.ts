import { z } from 'zod';

/**
 * Something read from the citizen that is stored only after a "yes": a two-digit year, a name typed without marks,
 * the requester's details reused for a parent (docs/protocol.md, "Pre-filling a form").
 */
export const PendingConfirmationSchema = z.object({
  kind: z.enum(['two-digit-year', 'marks', 'reuse']),
  /** The values stored on "yes". */
  values: z.record(z.string(), z.string()),
  /** For `marks`: the name exactly as typed, stored when the citizen keeps it ("giữ nguyên"). */
  asWritten: z.string().optional(),
  /** The field the question is about (re-asked on "no" for a two-digit year). */
  field: z.string().optional(),
});
export type PendingConfirmation = z.infer<typeof PendingConfirmationSchema>;

/** Where a pre-filling dialogue stands; kept in the (encrypted) session state. */
export const FormStateSchema = z.object({
  formId: z.string(),
  stage: z.enum(['consent', 'collect', 'confirm', 'which', 'review']),
  values: z.record(z.string(), z.string()),
  /** Fields asked in the last question, in order. */
  asking: z.array(z.string()).default([]),
  /** Optional fields left for the counter: asked once, never again. */
  skipped: z.array(z.string()).default([]),
  /** Questions waiting for a yes, the first one asked now. */
  pending: z.array(PendingConfirmationSchema).default([]),
  /** A correction that named no single field ("sửa họ tên thành …"): the candidates, and the value to put. */
  correction: z.object({ candidates: z.array(z.string()), value: z.string() }).optional(),
  /** A section asked before the paper's order: the one just filled from the requester's details, to complete it. */
  focus: z.string().optional(),
  /** Facts read from an ID card that the form has no field for (the requester's birth date), for reuse. */
  facts: z.record(z.string(), z.string()).default({}),
});
export type FormState = z.infer<typeof FormStateSchema>;
