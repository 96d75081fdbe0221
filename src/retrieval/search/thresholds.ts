import { z } from 'zod';

/**
 * When retrieval is confident enough to answer. Calibrated by `npm run calibrate` on bench/calibration.jsonl
 * (the project's own questions, never the dev set) and written to thresholds.json beside this file.
 */
export const ThresholdsSchema = z.object({
  /** Minimum share of the query's content words found in the top entry's names, aliases or summary. */
  minCoverage: z.number().min(0).max(1),
  /** With a dense index: a weaker coverage suffices when the dense similarity is at least `minDense`. */
  minCoverageWithDense: z.number().min(0).max(1),
  minDense: z.number().min(-1).max(1.01),
  calibratedOn: z.string().optional(),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

/** Conservative defaults used until calibration has run. */
export const DEFAULT_THRESHOLDS: Thresholds = { minCoverage: 0.5, minCoverageWithDense: 0.3, minDense: 0.6 };

/** Decides whether the evidence is strong enough to answer. */
export function isAnswerable(evidence: { coverage: number; dense?: number | undefined }, thresholds: Thresholds): boolean {
  if (evidence.coverage >= thresholds.minCoverage) return true;
  return evidence.dense !== undefined && evidence.dense >= thresholds.minDense && evidence.coverage >= thresholds.minCoverageWithDense;
}
