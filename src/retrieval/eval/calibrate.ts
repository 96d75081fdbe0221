import type { Thresholds } from '../search/thresholds.js';
import { isAnswerable } from '../search/thresholds.js';

/** The evidence retrieval produced for one calibration question, and whether it is in scope. */
export interface CalibrationSample {
  inScope: boolean;
  coverage: number;
  dense?: number;
}

export interface CalibrationResult {
  thresholds: Thresholds;
  answeredRate: number;
  abstentionRate: number;
}

const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(4)));

/**
 * Picks thresholds that maximise balanced accuracy (in-scope answered + out-of-scope declined) / 2,
 * preferring, among near-equal choices, the one that declines more out-of-scope questions: a wrong
 * answer costs a citizen more than a hand-over.
 */
export function calibrateThresholds(samples: CalibrationSample[]): CalibrationResult {
  const inScope = samples.filter((s) => s.inScope);
  const outOfScope = samples.filter((s) => !s.inScope);
  const hasDense = samples.some((s) => s.dense !== undefined);
  let best: CalibrationResult | undefined;
  let bestScore = -Infinity;
  for (const minCoverage of grid(0.05, 1, 0.025)) {
    const denseOptions = hasDense ? grid(0.2, 1.01, 0.02) : [1.01];
    for (const minDense of denseOptions) {
      for (const minCoverageWithDense of hasDense ? grid(0, minCoverage, 0.05) : [minCoverage]) {
        const thresholds: Thresholds = { minCoverage, minCoverageWithDense, minDense };
        const answered = inScope.filter((s) => isAnswerable(s, thresholds)).length / Math.max(inScope.length, 1);
        const abstained = outOfScope.filter((s) => !isAnswerable(s, thresholds)).length / Math.max(outOfScope.length, 1);
        const score = (answered + abstained) / 2 + 0.02 * abstained;
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best = { thresholds, answeredRate: answered, abstentionRate: abstained };
        }
      }
    }
  }
  return best ?? { thresholds: { minCoverage: 0.5, minCoverageWithDense: 0.5, minDense: 1.01 }, answeredRate: 0, abstentionRate: 0 };
}
