/**
 * `npm run bench:understanding`: what each step of understanding adds (leave-one-out over every evaluation set),
 * and search latency for ordinary questions and for 1,000-character stories, over the whole shipped knowledge
 * base, lexical retrieval as served by default. Writes bench/understanding-results.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/load.js';
import { evaluate, type EvalReport } from '../src/retrieval/eval/evaluate.js';
import { readEvalSets } from '../src/retrieval/eval/sets.js';
import { TERM_WEIGHTS } from '../src/retrieval/lexical/lexical-index.js';
import { startRetrieval } from '../src/retrieval/runtime.js';
import { RANKING } from '../src/retrieval/search/retriever.js';
import { loadThresholds } from '../src/retrieval/search/load-thresholds.js';
import { createLogger } from '../src/shared/logger.js';
import { ACTION_WEIGHTS } from '../src/understand/index.js';

/** Each step switched off alone: the weights that make it a no-op. */
const ABLATIONS: { name: string; apply: () => () => void }[] = [
  { name: 'all steps', apply: () => () => {} },
  { name: 'without the asking part (story weighs as much)', apply: () => swap(TERM_WEIGHTS, { narrative: 1 }) },
  {
    name: 'without action agreement',
    apply: () => swap(ACTION_WEIGHTS, { agree: 1, disagree: 1, plainForSpecific: 1, specificForPlain: 1, unaskedModifier: 1, askedModifier: 1, missingModifier: 1 }),
  },
  { name: 'without title-part recall', apply: () => swap(RANKING, { titleRecall: 0 }) },
  { name: 'without the field model', apply: () => swap(RANKING, { field: 0 }) },
];

function swap(target: object, values: Record<string, number>): () => void {
  const record = target as Record<string, number>;
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, record[k]]));
  Object.assign(record, values);
  return () => Object.assign(record, before);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ward-bench-understanding-'));
  const knowledge = await loadKnowledge(path.resolve('knowledge'), { cacheFile: path.join(dataDir, 'index', 'knowledge-cache.json') });
  const runtime = await startRetrieval({
    entries: knowledge.entries,
    synonyms: knowledge.synonyms,
    indexDir: path.join(dataDir, 'index'),
    modelDir: 'models',
    embedder: 'none',
    logger: createLogger({ level: 'silent' }),
    thresholds: loadThresholds(path.resolve('knowledge')).thresholds,
  });
  const search = (q: string) => runtime.retriever.search(q, 10);
  const sets = await readEvalSets();

  const rows: string[] = [];
  for (const ablation of ABLATIONS) {
    const restore = ablation.apply();
    const cells: string[] = [];
    for (const set of sets) {
      const r: EvalReport = await evaluate(set.lines, search);
      cells.push(`${r.recallAt1.toFixed(3)} / ${r.recallAt3.toFixed(3)} / ${(r.abstentionAccuracy * 100).toFixed(0)}%`);
    }
    restore();
    rows.push(`| ${ablation.name} | ${cells.join(' | ')} |`);
  }

  // Latency: every evaluation question, then 1,000-character stories (several real questions run together, the
  // last one asking), each searched sequentially after a warm-up.
  const questions = sets.flatMap((s) => s.lines.map((l) => l.q));
  const stories = questions.map((_, i) => {
    let text = '';
    for (let j = i; text.length < 1_000; j++) text = `${questions[j % questions.length]} ${text}`;
    return text.slice(text.length - 1_000);
  });
  // Three timed passes; the table shows the pass with the median p95 and lists all three: this shared 2-core host
  // varies by more than a millisecond between passes (docs/retrieval.md, "Speed").
  const time = async (texts: string[]) => {
    for (const t of texts.slice(0, 50)) await runtime.retriever.search(t, 5);
    const passes: number[][] = [];
    for (let pass = 0; pass < 3; pass++) {
      const times: number[] = [];
      for (const t of texts) {
        const started = performance.now();
        await runtime.retriever.search(t, 5);
        times.push(performance.now() - started);
      }
      passes.push(times.sort((a, b) => a - b));
    }
    passes.sort((a, b) => percentile(a, 95) - percentile(b, 95));
    const times = passes[1] as number[];
    const all = passes.map((p) => percentile(p, 95).toFixed(2)).join(', ');
    return `${texts.length} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${percentile(times, 99).toFixed(2)} | ${all}`;
  };
  const latency = [`| ordinary questions (all sets) | ${await time(questions)} |`, `| 1,000-character stories | ${await time(stories)} |`];

  const md = [
    '# Understanding: what each step adds, and search latency',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:understanding\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; whole shipped knowledge base, lexical retrieval (the default without a model). Each cell: recall@1 / recall@3 / out-of-scope declined. Leave-one-out: each row switches off one step of the final system.`,
    '',
    `| configuration | ${sets.map((s) => `${s.name} (${s.lines.length})`).join(' | ')} |`,
    `|---|${sets.map(() => '---').join('|')}|`,
    ...rows,
    '',
    '## Search latency (ms, sequential, after 50 warm-up searches; the median of three passes by p95)',
    '',
    '| questions | n | p50 | p95 | p99 | p95 of each pass |',
    '|---|---|---|---|---|---|',
    ...latency,
    '',
  ].join('\n');
  writeFileSync('bench/understanding-results.md', md);
  console.log(md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
