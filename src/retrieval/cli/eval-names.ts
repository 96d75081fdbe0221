import { isCatalogueEntry } from '../../knowledge/schema.js';
import { evaluateNames, formatNamesReport } from '../eval/evaluate-names.js';
import { openRetrievalForCli, readEmbedderFlag } from './open.js';

/**
 * `npm run eval:names [-- --embedder none|lsa|model]`: asks for every commune-level catalogue record by its exact
 * official name and by its national code, and reports how often the right entry comes first (docs/facts.md).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runtime = await openRetrievalForCli({ embedder: readEmbedderFlag(args) });
  const { retriever } = runtime;
  const records = retriever.documents
    .flatMap((doc) => [doc.entry, ...doc.folded])
    .filter((entry) => isCatalogueEntry(entry) && entry.levels.includes('xã'));
  const report = await evaluateNames({
    records,
    search: (query) => retriever.search(query, 5),
    resolve: (id) => retriever.getDocument(id)?.entry,
  });
  console.log(`${records.length} commune-level catalogue records`);
  for (const line of formatNamesReport(report)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
