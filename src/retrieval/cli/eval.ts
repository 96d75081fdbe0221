import { evaluate, formatReport, readEvalFile } from '../eval/evaluate.js';
import { openRetrievalForCli, readDenseWeightFlag, readEmbedderFlag } from './open.js';

/** `npm run eval -- <file.jsonl> [--embedder none|lsa|model] [--dense-weight 0.5] [--json]`: recall@1, recall@3, MRR, abstention accuracy, misses. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--embedder' && args[i - 1] !== '--dense-weight');
  if (!file) {
    console.error('usage: npm run eval -- <file.jsonl> [--embedder none|lsa|model] [--dense-weight 0.5] [--json]');
    process.exit(2);
  }
  const lines = await readEvalFile(file);
  const runtime = await openRetrievalForCli({ embedder: readEmbedderFlag(args), denseWeight: readDenseWeightFlag(args) });
  const report = await evaluate(lines, (q) => runtime.retriever.search(q, 10));
  console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : `${file} (dense: ${runtime.denseStatus().state} ${runtime.denseStatus().embedder ?? ''})\n${formatReport(report)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
