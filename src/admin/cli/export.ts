import path from 'node:path';
import { isAppError } from '../../shared/errors.js';
import { exportPublished, wardExportFile } from './export-knowledge.js';
import { openStorageForCli } from './open-storage.js';
import { isStorageError } from '../../storage/errors.js';

/** `npm run knowledge:export [-- --out <dir>]`: writes officials' published revisions to files for review in git. */
async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !out) {
    console.error('usage: npm run knowledge:export [-- --out <knowledge dir>]');
    return 1;
  }
  const { config, storage } = await openStorageForCli();
  try {
    const knowledgeDir = out ? path.resolve(out) : config.knowledgeDir;
    const wardFile = out ? path.join(knowledgeDir, 'ward-settings.yaml') : wardExportFile(config.wardSettingsFile);
    const report = await exportPublished(storage, { knowledgeDir, wardFile });
    for (const file of report.written) console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
    console.log(`${report.written.length} file(s) written, ${report.unchanged} unchanged`);
    for (const skipped of report.skipped) console.error(`skipped ${skipped.targetId}: revision ${skipped.revisionId} no longer fits the schema`);
    return report.skipped.length > 0 ? 1 : 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`knowledge:export: ${error instanceof Error ? error.message : String(error)}${isAppError(error) || isStorageError(error) ? ` (${error.code})` : ''}`);
    process.exit(1);
  },
);
