import path from 'node:path';
import { loadConfig } from '../../config/index.js';
import { formatProblem, loadKnowledge, loadWardSettings } from '../load.js';
import { compareWithRecords } from '../reconcile.js';

/**
 * `npm run knowledge:check [dir]`: validates every knowledge file, prints `file: field: problem`, exits 1 on any defect;
 * warns (exit 0) when a curated entry lists fewer papers than a record it covers.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : config.knowledgeDir;
  const knowledge = await loadKnowledge(dir);
  const wardFile = process.argv[2] ? path.join(dir, 'ward-settings.example.yaml') : config.wardSettingsFile;
  const ward = await loadWardSettings(wardFile, path.relative(process.cwd(), wardFile));
  const problems = [...knowledge.problems, ...ward.problems];
  for (const problem of problems) console.log(formatProblem(problem));
  const warnings = compareWithRecords(knowledge.entries);
  for (const warning of warnings) console.log(`warning: curated/${warning.entryId}.yaml: ${warning.field}: ${warning.message}`);
  const curated = knowledge.entries.filter((e) => !e.id.startsWith('dvc-')).length;
  console.log(
    `${knowledge.fileCount} files read: ${knowledge.entries.length} valid entries (${curated} curated, ${knowledge.entries.length - curated} catalogue), ` +
      `${knowledge.synonyms.length} synonym groups, ${knowledge.situations.length} life situations, ${problems.length} problem(s), ${warnings.length} warning(s).`,
  );
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`knowledge:check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
