import { readEvalFile, type EvalLine } from './evaluate.js';

/**
 * The evaluation sets reported side by side (docs/retrieval.md); the real questions' report half is never tuned on.
 * `calibrates`: the abstention model is fitted on the set (`npm run calibrate`); never the dev set, the hold-out, the
 * report half, the blind set or the late set.
 */
export const EVAL_SETS: readonly { name: string; file: string; half?: 'tune' | 'report'; reportOnly?: boolean; calibrates?: boolean }[] = [
  { name: 'dev (shared)', file: '../shared/eval/dev.jsonl' },
  { name: 'calibration', file: 'bench/calibration.jsonl', calibrates: true },
  { name: 'hold-out', file: 'bench/holdout.jsonl' },
  { name: 'real: tune', file: 'bench/real-questions.jsonl', half: 'tune', calibrates: true },
  { name: 'real: report', file: 'bench/real-questions.jsonl', half: 'report', reportOnly: true },
  { name: 'real: extra', file: 'bench/real-questions-extra.jsonl', calibrates: true },
  // Written blind after the second round and reported blind for the third; a tuning set since the fourth round.
  { name: 'real: fresh', file: 'bench/real-questions-fresh.jsonl', calibrates: true },
  // Written, like the blind set, without running the assistant, in the fourth round; a tuning set.
  { name: 'real: more', file: 'bench/real-questions-more.jsonl', calibrates: true },
  // Written without running the assistant in the fifth round, half of it out-of-scope questions that name the ward's
  // own things (a land title, a birth, a card) but ask what the law or a court decides: hard negatives; a tuning set.
  { name: 'real: hard', file: 'bench/real-questions-hard.jsonl', calibrates: true },
  // Written like 'more' in the fifth round, to read what blind questions still lack; a tuning set.
  { name: 'real: next', file: 'bench/real-questions-next.jsonl', calibrates: true },
  // Written like 'next' in the sixth round, from pages the earlier sets had not used; a tuning set.
  { name: 'real: desk', file: 'bench/real-questions-desk.jsonl', calibrates: true },
  // Written blind (its author never ran the assistant) in the fourth round; never tuned on, like the report half.
  { name: 'real: blind', file: 'bench/real-questions-blind.jsonl', reportOnly: true },
  // Written the same way in the sixth round, on pages no earlier set used; never tuned on, like the blind set.
  { name: 'real: late', file: 'bench/real-questions-late.jsonl', reportOnly: true },
];

/** Whether a set is only for reporting: its misses are never printed (docs/retrieval.md). */
export function isReportOnly(name: string): boolean {
  return EVAL_SETS.some((set) => set.name === name && set.reportOnly === true);
}

/** Reads every set that exists here (the shared dev set may be absent), each with its lines; only those calibrated on. */
export async function readEvalSets({ calibrating = false }: { calibrating?: boolean } = {}): Promise<{ name: string; lines: EvalLine[] }[]> {
  const sets: { name: string; lines: EvalLine[] }[] = [];
  for (const set of EVAL_SETS) {
    if (calibrating && !set.calibrates) continue;
    const lines = (await readEvalFile(set.file).catch(() => [])).filter((line) => !set.half || line.half === set.half);
    if (lines.length > 0) sets.push({ name: set.name, lines });
  }
  return sets;
}
