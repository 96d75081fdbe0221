import { z } from 'zod';
import type { Aspect } from '../../understand/index.js';

/** What retrieval knows about how well a question was matched; the inputs of the abstention decision. */
export interface Evidence {
  /** Share of the question's content words in the names, aliases or summary of a top entry. */
  coverage: number;
  /** Best share of one of the top entry's names contained in the question. */
  nameMatch: number;
  /** Share of the question's weighted terms found anywhere in the top entry. */
  fullCoverage: number;
  /** Share of the question's content words the knowledge base knows at all. */
  knownShare: number;
  /** Best lexical score (prior-adjusted). */
  lexicalTop: number;
  /** Best dense similarity, when a dense index serves. */
  dense?: number;
  /** How much of the top entry's best title part the question holds, idf-weighted (the ranking's title-part recall). */
  titleRecall?: number;
  /**
   * How plainly the asking part asks how to get something done (docs/retrieval.md, "Fifth round"): 1 for the papers,
   * the place, the time, the steps or doing it online; 0.5 for a fee or who qualifies; 0 when it names no such aspect,
   * as a question about who is right or what the law says does not.
   */
  asking?: number;
  /** Second-best over best lexical score: close to 1 when two entries are equally likely. */
  margin?: number;
}

/** Evidence.asking by the aspect the asking part names: how to get something done, or nothing of the kind. */
export const ASKING_WEIGHT: Readonly<Record<Aspect, number>> = {
  documents: 1, where: 1, time: 1, steps: 1, online: 1, result: 1, fee: 0.5, conditions: 0.5, general: 0,
};

export const EVIDENCE_FEATURES = ['coverage', 'nameMatch', 'fullCoverage', 'knownShare', 'lexicalTop', 'dense', 'asking', 'margin', 'titleRecall'] as const;
export type EvidenceFeature = (typeof EVIDENCE_FEATURES)[number];

/**
 * When retrieval is confident enough to answer: a logistic model over the evidence, fitted by `npm run calibrate`
 * on bench/calibration.jsonl (the project's own questions, never the dev set) and stored in knowledge/thresholds.json.
 */
export const ThresholdsSchema = z.object({
  kind: z.literal('logistic'),
  features: z.array(z.enum(EVIDENCE_FEATURES)).min(1),
  weights: z.array(z.number()),
  bias: z.number(),
  mean: z.array(z.number()),
  std: z.array(z.number().positive()),
  /** Probability of "in scope" above which the assistant answers. */
  threshold: z.number().min(0).max(1),
  calibratedOn: z.string().optional(),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

/** Conservative default until calibration has run: answer when half the question is covered by an entry's names. */
export const DEFAULT_THRESHOLDS: Thresholds = { kind: 'logistic', features: ['coverage'], weights: [10], bias: -5, mean: [0], std: [1], threshold: 0.5 };

/** Reads one feature of the evidence (a missing dense similarity or asking counts as 0). */
export function featureValue(evidence: Evidence, feature: EvidenceFeature): number {
  if (feature === 'lexicalTop') return Math.log1p(evidence.lexicalTop);
  return evidence[feature] ?? 0;
}

/** Probability that the question is in scope, by the logistic model. */
export function scopeProbability(evidence: Evidence, model: Thresholds): number {
  let z = model.bias;
  model.features.forEach((feature, i) => {
    z += ((model.weights[i] ?? 0) * (featureValue(evidence, feature) - (model.mean[i] ?? 0))) / (model.std[i] ?? 1);
  });
  return 1 / (1 + Math.exp(-z));
}

/** Decides whether the evidence is strong enough to answer. */
export function isAnswerable(evidence: Evidence, model: Thresholds): boolean {
  return scopeProbability(evidence, model) >= model.threshold;
}
