import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SearchResponse } from '../search/retriever.js';

/** One evaluation line: a question and every acceptable entry id (empty = out of scope). */
export const EvalLineSchema = z.strictObject({ q: z.string().trim().min(1), expected: z.array(z.string().min(1)) });

/**
 * A line of the real-question set (bench/real-questions.jsonl): a question modelled on one a citizen posted, the
 * national codes and curated ids that answer it (both empty = out of scope), its source page and its half.
 */
export const RealQuestionSchema = z.strictObject({
  q: z.string().trim().min(1),
  expected_codes: z.array(z.string().regex(/^\d\.\d{6}$/)),
  expected_ids: z.array(z.string().min(1)),
  source: z.url(),
  half: z.enum(['tune', 'report', 'extra', 'fresh', 'blind', 'more', 'hard', 'next', 'desk', 'late']),
});

/** A question to evaluate: a result is right when its id is listed or it covers a listed national code. */
export interface EvalLine {
  q: string;
  expected: string[];
  expectedCodes?: string[];
  half?: 'tune' | 'report' | 'extra' | 'fresh' | 'blind' | 'more' | 'hard' | 'next' | 'desk' | 'late';
}

/** A question the system got wrong, for the report. */
export interface EvalMiss {
  q: string;
  expected: string[];
  got: string[];
  answerable: boolean;
  reason: 'wrong-top' | 'not-in-top-3' | 'abstained' | 'answered-out-of-scope';
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  /** In-scope questions the system agreed to answer. */
  answeredRate: number;
  /** Out-of-scope questions it correctly declined. */
  abstentionAccuracy: number;
  misses: EvalMiss[];
}

/** Reads a JSONL evaluation file; a bad line is reported with its number and field. */
export async function readEvalFile(file: string): Promise<EvalLine[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((line, index) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${index + 1}: not valid JSON`);
    }
    const fail = (issues: z.core.$ZodIssue[]): never => {
      const issue = issues[0];
      throw new Error(`${file}:${index + 1}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    };
    if (typeof json === 'object' && json !== null && 'expected_codes' in json) {
      const parsed = RealQuestionSchema.safeParse(json);
      if (!parsed.success) return fail(parsed.error.issues);
      const real = parsed.data;
      return [{ q: real.q, expected: real.expected_ids, expectedCodes: real.expected_codes, half: real.half }];
    }
    const parsed = EvalLineSchema.safeParse(json);
    if (!parsed.success) return fail(parsed.error.issues);
    return [parsed.data];
  });
}

/** Runs every line through `search` and computes recall@1, recall@3, MRR and abstention accuracy. */
export async function evaluate(lines: EvalLine[], search: (q: string) => Promise<SearchResponse>): Promise<EvalReport> {
  let inScope = 0;
  let outOfScope = 0;
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let answered = 0;
  let abstained = 0;
  const misses: EvalMiss[] = [];
  for (const line of lines) {
    const response = await search(line.q);
    const got = response.results.map((r) => r.id);
    const codes = new Set(line.expectedCodes ?? []);
    const expected = [...line.expected, ...(line.expectedCodes ?? [])];
    if (expected.length === 0) {
      outOfScope++;
      if (!response.answerable) abstained++;
      else misses.push({ q: line.q, expected, got: got.slice(0, 3), answerable: true, reason: 'answered-out-of-scope' });
      continue;
    }
    inScope++;
    const rank = response.results.findIndex((r) => line.expected.includes(r.id) || r.codes.some((code) => codes.has(code)));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (response.answerable) answered++;
    if (rank !== 0) misses.push({ q: line.q, expected, got: got.slice(0, 3), answerable: response.answerable, reason: rank >= 0 && rank < 3 ? 'wrong-top' : 'not-in-top-3' });
    else if (!response.answerable) misses.push({ q: line.q, expected, got: got.slice(0, 3), answerable: false, reason: 'abstained' });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    inScope,
    outOfScope,
    recallAt1: ratio(hit1, inScope),
    recallAt3: ratio(hit3, inScope),
    mrr: ratio(reciprocal, inScope),
    answeredRate: ratio(answered, inScope),
    abstentionAccuracy: ratio(abstained, outOfScope),
    misses,
  };
}

/** Formats a report for the terminal. */
export function formatReport(report: EvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `in scope: ${report.inScope}   out of scope: ${report.outOfScope}`,
    `recall@1 ${report.recallAt1.toFixed(3)}   recall@3 ${report.recallAt3.toFixed(3)}   MRR ${report.mrr.toFixed(3)}`,
    `answered (in scope) ${pct(report.answeredRate)}   abstention accuracy (out of scope) ${pct(report.abstentionAccuracy)}`,
  ];
  if (report.misses.length > 0) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const miss of report.misses) {
      lines.push(`  [${miss.reason}] "${miss.q}" expected ${miss.expected.join('|') || '(abstain)'} got ${miss.got.join(', ') || '(nothing)'}${miss.answerable ? '' : ' (abstained)'}`);
    }
  }
  return lines.join('\n');
}
