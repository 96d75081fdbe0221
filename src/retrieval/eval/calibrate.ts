import { EVIDENCE_FEATURES, featureValue, scopeProbability, type Evidence, type EvidenceFeature, type Thresholds } from '../search/thresholds.js';

/** The evidence retrieval produced for one calibration question, and whether it is in scope. */
export interface CalibrationSample {
  inScope: boolean;
  evidence: Evidence;
}

export interface CalibrationResult {
  thresholds: Thresholds;
  answeredRate: number;
  abstentionRate: number;
}

export interface CalibrateOptions {
  iterations?: number;
  learningRate?: number;
  /** L2 penalty: keeps weights small so that few samples do not produce extreme ones. */
  l2?: number;
}

/**
 * Fits a logistic model of "in scope" over the evidence features (standardised, L2-regularised, classes
 * balanced), then picks the probability threshold that maximises balanced accuracy, leaning towards declining:
 * a wrong answer costs a citizen more than a hand-over to an official.
 */
export function calibrateThresholds(samples: CalibrationSample[], { iterations = 4000, learningRate = 0.1, l2 = 0.01 }: CalibrateOptions = {}): CalibrationResult {
  // A feature retrieval may leave out (the dense similarity without a model) is fitted only when some sample has it.
  const features: EvidenceFeature[] = EVIDENCE_FEATURES.filter((f) => samples.some((s) => s.evidence[f] !== undefined));
  const rows = samples.map((s) => features.map((f) => featureValue(s.evidence, f)));
  const mean = features.map((_, j) => rows.reduce((sum, r) => sum + (r[j] as number), 0) / Math.max(rows.length, 1));
  const std = features.map((_, j) => Math.sqrt(rows.reduce((sum, r) => sum + ((r[j] as number) - (mean[j] as number)) ** 2, 0) / Math.max(rows.length, 1)) || 1);
  const x = rows.map((r) => r.map((v, j) => (v - (mean[j] as number)) / (std[j] as number)));
  const y = samples.map((s) => (s.inScope ? 1 : 0));
  const positives = y.filter(Boolean).length;
  const weightOf = (label: number) => (label ? samples.length / (2 * Math.max(positives, 1)) : samples.length / (2 * Math.max(samples.length - positives, 1)));
  const w = new Array<number>(features.length).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(features.length).fill(0);
    let gb = 0;
    x.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-(b + row.reduce((sum, v, j) => sum + v * (w[j] as number), 0))));
      const err = (p - (y[i] as number)) * weightOf(y[i] as number);
      row.forEach((v, j) => (gw[j] = (gw[j] as number) + err * v));
      gb += err;
    });
    w.forEach((_, j) => (w[j] = (w[j] as number) - learningRate * ((gw[j] as number) / x.length + l2 * (w[j] as number))));
    b -= (learningRate * gb) / x.length;
  }
  const model: Thresholds = { kind: 'logistic', features, weights: w.map(round), bias: round(b), mean: mean.map(round), std: std.map(round), threshold: 0.5 };
  let best = { threshold: 0.5, score: -Infinity, answered: 0, abstained: 0 };
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const decide = (s: CalibrationSample) => scopeProbability(s.evidence, model) >= t;
    const inScope = samples.filter((s) => s.inScope);
    const outOfScope = samples.filter((s) => !s.inScope);
    const answered = inScope.filter(decide).length / Math.max(inScope.length, 1);
    const abstained = outOfScope.filter((s) => !decide(s)).length / Math.max(outOfScope.length, 1);
    const score = (answered + abstained) / 2 + 0.02 * abstained;
    if (score > best.score + 1e-9) best = { threshold: round(t), score, answered, abstained };
  }
  return { thresholds: { ...model, threshold: best.threshold }, answeredRate: best.answered, abstentionRate: best.abstained };
}

function round(value: number): number {
  return Number(value.toFixed(4));
}
