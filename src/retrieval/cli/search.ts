import { openRetrievalForCli, readEmbedderFlag } from './open.js';

/** `npm run search -- "câu hỏi" [--k 10] [--embedder none|lsa|model]`: prints the ranking for one question. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kIndex = args.indexOf('--k');
  const k = kIndex >= 0 ? Number(args[kIndex + 1]) : 10;
  const query = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--k' && args[i - 1] !== '--embedder').join(' ').trim();
  if (!query) {
    console.error('usage: npm run search -- "câu hỏi của người dân" [--k 10] [--embedder none|lsa|model]');
    process.exit(2);
  }
  const runtime = await openRetrievalForCli({ embedder: readEmbedderFlag(args) });
  const started = performance.now();
  const response = await runtime.retriever.search(query, Number.isInteger(k) && k > 0 ? k : 10);
  const ms = performance.now() - started;
  console.log(`"${query}" → answerable: ${response.answerable}  (coverage ${response.evidence.coverage.toFixed(2)}${response.evidence.dense === undefined ? '' : `, dense ${response.evidence.dense.toFixed(2)}`}; ${ms.toFixed(1)} ms; dense ${runtime.denseStatus().state})`);
  response.results.forEach((r, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${r.score.toFixed(4)}  ${r.id.padEnd(40)} [${r.levels.join(',')}] ${r.title}${r.section ? `  (${r.section})` : ''}`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
