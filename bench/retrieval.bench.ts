/**
 * `npm run bench:retrieval`: cold build, warm start, query latency (sequential and concurrent, ≥ 1,000 queries),
 * peak RSS, and lexical-only vs hybrid quality, over the whole shipped knowledge base. Writes bench/retrieval-results.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { evaluate, readEvalFile, type EvalReport } from '../src/retrieval/eval/evaluate.js';
import { startRetrieval, type RetrievalRuntime } from '../src/retrieval/runtime.js';
import { loadThresholds } from '../src/retrieval/search/load-thresholds.js';
import { createLogger } from '../src/shared/logger.js';

const QUERY_COUNT = 1_200;
const CONCURRENCY = 16;

function startInChild(dataDir: string, embedder: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/start-once.ts', dataDir, embedder], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measureLatency(runtime: RetrievalRuntime, queries: string[], concurrency: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queries.length) {
        const q = queries[next++] as string;
        const t = performance.now();
        await runtime.retriever.search(q, 5);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), qps: (times.length / wall) * 1000 };
}

const fmt = (x: unknown) => (typeof x === 'number' ? x.toFixed(x < 10 ? 2 : 0) : String(x));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ward-bench-'));
  const lsaDir = mkdtempSync(path.join(os.tmpdir(), 'ward-bench-lsa-'));
  const starts: [string, Record<string, unknown>][] = [
    ['default, cold (empty DATA_DIR)', startInChild(dataDir, 'auto')],
    ['default, warm (unchanged knowledge)', startInChild(dataDir, 'auto')],
    ['EMBEDDER=lsa, cold (train LSA, embed all)', startInChild(lsaDir, 'lsa')],
    ['EMBEDDER=lsa, warm', startInChild(lsaDir, 'lsa')],
  ];

  const knowledge = await loadKnowledge(path.resolve('knowledge'), { cacheFile: path.join(dataDir, 'index', 'knowledge-cache.json') });
  const logger = createLogger({ level: 'silent' });
  const { thresholds } = loadThresholds(path.resolve('knowledge'));
  const open = async (embedder: 'none' | 'lsa', denseWeight?: number) => {
    const runtime = await startRetrieval({
      entries: knowledge.entries,
      synonyms: knowledge.synonyms,
      indexDir: path.join(embedder === 'lsa' ? lsaDir : dataDir, 'index'),
      modelDir: 'models',
      embedder,
      logger,
      thresholds,
      ...(denseWeight === undefined ? {} : { denseWeight }),
    });
    await runtime.denseSettled;
    return runtime;
  };
  const lexical = await open('none');
  const hybrid = await open('lsa', 0.5);
  const hybridLight = await open('lsa', 0.1);

  const sets = ['bench/calibration.jsonl', 'bench/holdout.jsonl', '../shared/eval/dev.jsonl'];
  const lines = (await Promise.all(sets.map(async (file) => ({ file, lines: await readEvalFile(file).catch(() => []) })))).filter((s) => s.lines.length > 0);
  const pool = lines.flatMap((s) => s.lines.map((l) => l.q));
  const queries = Array.from({ length: QUERY_COUNT }, (_, i) => pool[i % pool.length] as string);

  const latency = {
    'lexical (default), sequential': await measureLatency(lexical, queries, 1),
    [`lexical (default), ${CONCURRENCY} concurrent`]: await measureLatency(lexical, queries, CONCURRENCY),
    'hybrid LSA, sequential': await measureLatency(hybrid, queries, 1),
    [`hybrid LSA, ${CONCURRENCY} concurrent`]: await measureLatency(hybrid, queries, CONCURRENCY),
  };
  const quality: { file: string; mode: string; report: EvalReport }[] = [];
  for (const set of lines) {
    quality.push({ file: set.file, mode: 'lexical (default)', report: await evaluate(set.lines, (q) => lexical.retriever.search(q, 10)) });
    quality.push({ file: set.file, mode: 'hybrid LSA, dense weight 0.5', report: await evaluate(set.lines, (q) => hybrid.retriever.search(q, 10)) });
    quality.push({ file: set.file, mode: 'hybrid LSA, dense weight 0.1', report: await evaluate(set.lines, (q) => hybridLight.retriever.search(q, 10)) });
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(lsaDir, { recursive: true, force: true });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const md = [
    '## Retrieval benchmark (`npm run bench:retrieval`)',
    '',
    `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Run ${new Date().toISOString().slice(0, 16)}Z.`,
    `Knowledge: ${fmt(starts[0]?.[1].entries)} entries, ${fmt(starts[0]?.[1].searchable)} searchable after folding. No model installed. Each start runs in a fresh process; "searchable after" is when /healthz turns ok.`,
    '',
    '| start | load files ms | lexical index ms | searchable after ms | dense ms | total ms | peak RSS MB |',
    '|---|---|---|---|---|---|---|',
    ...starts.map(([name, s]) => `| ${name} | ${fmt(s.loadMs)} | ${fmt(s.lexicalMs)} | ${fmt(s.searchableMs)} | ${fmt(s.denseMs)} | ${fmt(s.totalMs)} | ${fmt(s.maxRssMb)} |`),
    '',
    `| queries (${QUERY_COUNT}, k=5) | p50 ms | p95 ms | p99 ms | queries/s |`,
    '|---|---|---|---|---|',
    ...Object.entries(latency).map(([name, l]) => `| ${name} | ${l.p50.toFixed(2)} | ${l.p95.toFixed(2)} | ${l.p99.toFixed(2)} | ${l.qps.toFixed(0)} |`),
    '',
    `Bench process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (three retrieval runtimes loaded at once; the service holds one).`,
    '',
    '| set | mode | in / out | recall@1 | recall@3 | MRR | answered | abstained (out of scope) |',
    '|---|---|---|---|---|---|---|---|',
    ...quality.map(
      ({ file, mode, report: r }) =>
        `| ${path.basename(file)} | ${mode} | ${r.inScope} / ${r.outOfScope} | ${r.recallAt1.toFixed(3)} | ${r.recallAt3.toFixed(3)} | ${r.mrr.toFixed(3)} | ${(r.answeredRate * 100).toFixed(1)}% | ${(r.abstentionAccuracy * 100).toFixed(1)}% |`,
    ),
    '',
  ].join('\n');
  writeFileSync('bench/retrieval-results.md', md);
  console.log(md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
