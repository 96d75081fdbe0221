import { z } from 'zod';

/** Where a pre-filling dialogue stands; kept in the (encrypted) session state. */
export const FormStateSchema = z.object({
  formId: z.string(),
  stage: z.enum(['consent', 'collect', 'confirm-qr', 'review']),
  values: z.record(z.string(), z.string()),
  /** Fields asked in the last question, in order. */
  asking: z.array(z.string()).default([]),
  /** Optional fields the citizen chose to leave for the counter. */
  skipped: z.array(z.string()).default([]),
  /** Values read from an ID card's QR code, waiting for the citizen's confirmation. */
  pendingQr: z.record(z.string(), z.string()).optional(),
});
export type FormState = z.infer<typeof FormStateSchema>;
