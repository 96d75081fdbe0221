import path from 'node:path';
import { loadConfig } from '../../config/index.js';
import { formatTotals, importCatalogue, ImportInputError } from '../import/index.js';

/** `npm run knowledge:import -- <dvc-procedures.jsonl> [--out <dir>] [--verbose]`: writes knowledge/catalogue/<code>.yaml. */
async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((arg) => arg !== '--verbose');
  const outFlag = args.indexOf('--out');
  let outDir: string | undefined;
  if (outFlag !== -1) {
    outDir = args[outFlag + 1];
    args.splice(outFlag, 2);
  }
  const input = args[0];
  if (!input || (outFlag !== -1 && !outDir)) {
    console.error('usage: npm run knowledge:import -- <path to dvc-procedures.jsonl> [--out <catalogue dir>] [--verbose]');
    return 1;
  }
  const target = outDir ? path.resolve(outDir) : path.join(loadConfig().knowledgeDir, 'catalogue');
  const totals = await importCatalogue(path.resolve(input), target, { shownAs: input, reportFallbacks: verbose });
  for (const line of formatTotals(totals, path.relative(process.cwd(), target) || target)) console.log(line);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A missing input is the expected failure; anything else (a full disk, a bug) is reported the same way.
    const reason = error instanceof ImportInputError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`knowledge:import: ${reason}`);
    process.exit(1);
  },
);
