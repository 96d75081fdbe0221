import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config/index.js';
import { calibrateThresholds } from '../eval/calibrate.js';
import { readEvalFile } from '../eval/evaluate.js';
import { readEvalSets } from '../eval/sets.js';
import { thresholdsFile } from '../search/load-thresholds.js';
import { openRetrievalForCli, readEmbedderFlag } from './open.js';

/**
 * `npm run calibrate [-- file.jsonl]`: fits the abstention thresholds on the project's own questions — by default
 * the sets marked `calibrates` in ../eval/sets.ts (never the dev set, the hold-out, the report half or the blind
 * set) — and writes knowledge/thresholds.json.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const given = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--embedder');
  const sets = given ? [{ name: path.basename(given), lines: await readEvalFile(given) }] : await readEvalSets({ calibrating: true });
  const lines = sets.flatMap((set) => set.lines);
  const file = sets.map((set) => set.name).join(' + ');
  const runtime = await openRetrievalForCli({ embedder: readEmbedderFlag(args) });
  const samples = [];
  for (const line of lines) {
    const { evidence, scope } = await runtime.retriever.search(line.q, 10);
    // A topic that is not the ward's is declined whatever the evidence: the thresholds decide the others.
    if (scope !== undefined) continue;
    samples.push({ inScope: line.expected.length > 0 || (line.expectedCodes?.length ?? 0) > 0, evidence });
  }
  const result = calibrateThresholds(samples);
  const dense = runtime.denseStatus();
  const out = { ...result.thresholds, calibratedOn: `${file} (${samples.length} of ${lines.length} questions, those declined by topic aside; dense: ${dense.embedder ?? dense.state})` };
  const target = thresholdsFile(loadConfig().knowledgeDir);
  await writeFile(target, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${target}: ${JSON.stringify(out)}`);
  console.log(`in scope answered ${(result.answeredRate * 100).toFixed(1)}%, out of scope declined ${(result.abstentionRate * 100).toFixed(1)}%`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
