import { evaluate, formatReport, readEvalFile, type EvalReport } from '../eval/evaluate.js';
import { isReportOnly, readEvalSets } from '../eval/sets.js';
import { openRetrievalForCli, readDenseWeightFlag, readEmbedderFlag } from './open.js';

const USAGE = 'usage: npm run eval [-- <file.jsonl>] [--misses <set name|all>] [--embedder none|lsa|model] [--dense-weight 0.5] [--json]';

/**
 * `npm run eval`: recall@1, recall@3, MRR and abstention of every set side by side; `-- <file>` one file with its
 * misses. Misses of the sets only for reporting (the real questions' report half, the blind and late sets) are never printed
 * (docs/retrieval.md).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flagged = new Set(['--embedder', '--dense-weight', '--misses']);
  const file = args.find((arg, i) => !arg.startsWith('--') && !flagged.has(args[i - 1] ?? ''));
  const runtime = await openRetrievalForCli({ embedder: readEmbedderFlag(args), denseWeight: readDenseWeightFlag(args) });
  const search = (q: string) => runtime.retriever.search(q, 10);
  const dense = `${runtime.denseStatus().state} ${runtime.denseStatus().embedder ?? ''}`.trim();
  if (file) {
    const report = await evaluate(await readEvalFile(file), search);
    console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : `${file} (dense: ${dense})\n${formatReport(report)}`);
    return;
  }
  const missesOf = args[args.indexOf('--misses') + 1];
  const reports: { name: string; report: EvalReport }[] = [];
  for (const set of await readEvalSets()) reports.push({ name: set.name, report: await evaluate(set.lines, search) });
  if (args.includes('--json')) {
    console.log(JSON.stringify(reports.map(({ name, report }) => ({ name, ...report, misses: isReportOnly(name) ? [] : report.misses })), null, 2));
    return;
  }
  console.log(`dense: ${dense}\n${formatTable(reports)}`);
  for (const { name, report } of reports) {
    if (!args.includes('--misses') || (missesOf !== 'all' && missesOf !== name) || isReportOnly(name)) continue;
    console.log(`\n${name}\n${formatReport(report)}`);
  }
}

function formatTable(reports: { name: string; report: EvalReport }[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  const head = `${'set'.padEnd(14)} ${'in'.padStart(4)} ${'out'.padStart(4)} ${'R@1'.padStart(6)} ${'R@3'.padStart(6)} ${'MRR'.padStart(6)} ${'answered'.padStart(8)} ${'declined'.padStart(8)}`;
  const rows = reports.map(({ name, report: r }) =>
    `${name.padEnd(14)} ${String(r.inScope).padStart(4)} ${String(r.outOfScope).padStart(4)} ${r.recallAt1.toFixed(3).padStart(6)} ${r.recallAt3.toFixed(3).padStart(6)} ${r.mrr.toFixed(3).padStart(6)} ${pct(r.answeredRate)} ${pct(r.abstentionAccuracy)}`,
  );
  return [head, ...rows].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(1);
});
