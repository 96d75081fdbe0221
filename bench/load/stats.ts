/** Latency percentiles and per-run tallies from the citizens' samples. */
import type { Sample } from './citizen.js';
import type { StepLabel } from './script.js';

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (the value at or above p% of observations). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export function latencyOf(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
}

/** Frames whose reply is an `answer`: everything a citizen types, plus the form button. */
export const ANSWER_LABELS: ReadonlySet<StepLabel> = new Set(['question', 'followup', 'form-start', 'form-consent', 'form-answer', 'form-cancel']);

export interface Tally {
  frames: number;
  answers: Latency;
  byLabel: Partial<Record<StepLabel, Latency>>;
  errors: number;
  errorsBy: Record<string, number>;
  /** `kind` of the replies to first/second questions (answer, clarify, fallback, …). */
  questionKinds: Record<string, number>;
  /** Consent replies that did not move the form to `collect`: the form flow going off track under load. */
  formOffTrack: number;
}

const increment = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

export function tally(samples: readonly Sample[]): Tally {
  const errorsBy: Record<string, number> = {};
  const questionKinds: Record<string, number> = {};
  const byLabelMs = new Map<StepLabel, number[]>();
  const answerMs: number[] = [];
  let formOffTrack = 0;
  for (const s of samples) {
    if (!s.ok) {
      increment(errorsBy, s.failure ?? 'unknown');
      continue;
    }
    const list = byLabelMs.get(s.label) ?? [];
    list.push(s.ms);
    byLabelMs.set(s.label, list);
    if (ANSWER_LABELS.has(s.label)) answerMs.push(s.ms);
    if (s.label === 'question') increment(questionKinds, s.kind ?? 'none');
    if (s.label === 'form-consent' && s.stage !== 'collect') formOffTrack += 1;
  }
  return {
    frames: samples.length,
    answers: latencyOf(answerMs),
    byLabel: Object.fromEntries([...byLabelMs].map(([label, ms]) => [label, latencyOf(ms)])),
    errors: Object.values(errorsBy).reduce((a, b) => a + b, 0),
    errorsBy,
    questionKinds,
    formOffTrack,
  };
}
