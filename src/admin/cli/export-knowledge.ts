import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serializeEntry, serializeYaml, writeFileIfChanged } from '../../knowledge/files.js';
import { expectedFileName } from '../../knowledge/load.js';
import { EntrySchema, isCatalogueEntry, WardSettingsSchema } from '../../knowledge/schema.js';
import { SituationSchema } from '../../knowledge/situation-schema.js';
import type { Storage } from '../../storage/types.js';
import { WARD_TARGET_ID } from '../knowledge/targets.js';

export interface ExportOptions {
  /** The knowledge directory to write into (curated/, catalogue/, situations/). */
  knowledgeDir: string;
  /** Where the ward's real settings go (never the shipped example file). */
  wardFile: string;
}

export interface ExportReport {
  written: string[];
  unchanged: number;
  /** Revisions skipped because they no longer fit the schema (named for the official). */
  skipped: { targetId: string; revisionId: string }[];
}

/**
 * Writes every published revision in force to its file, atomically and only when the text differs, so that
 * `git diff` shows officials' edits for review. A rollback to the shipped file has nothing to write.
 */
export async function exportPublished(storage: Storage, options: ExportOptions): Promise<ExportReport> {
  const report: ExportReport = { written: [], unchanged: 0, skipped: [] };
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(file), { recursive: true });
    if (await writeFileIfChanged(file, text)) report.written.push(file);
    else report.unchanged += 1;
  };
  for (const revision of await storage.revisions.listCurrentPublished('entry')) {
    if (revision.content === null) continue;
    const parsed = EntrySchema.safeParse(revision.content);
    if (!parsed.success) {
      report.skipped.push({ targetId: revision.targetId, revisionId: revision.id });
      continue;
    }
    const folder = isCatalogueEntry(parsed.data) ? 'catalogue' : 'curated';
    await write(path.join(options.knowledgeDir, folder, expectedFileName(parsed.data.id)), serializeEntry(parsed.data));
  }
  for (const revision of await storage.revisions.listCurrentPublished('situation')) {
    if (revision.content === null) continue;
    const parsed = SituationSchema.safeParse(revision.content);
    if (parsed.success) await write(path.join(options.knowledgeDir, 'situations', `${parsed.data.id}.yaml`), serializeYaml(parsed.data, SituationSchema));
    else report.skipped.push({ targetId: revision.targetId, revisionId: revision.id });
  }
  const ward = await storage.revisions.currentPublished('ward-settings', WARD_TARGET_ID);
  if (ward?.content) {
    const parsed = WardSettingsSchema.safeParse(ward.content);
    if (parsed.success) await write(options.wardFile, serializeYaml(parsed.data, WardSettingsSchema));
    else report.skipped.push({ targetId: WARD_TARGET_ID, revisionId: ward.id });
  }
  return report;
}

/** The real settings file: WARD_SETTINGS_FILE, except that the shipped example is never overwritten. */
export function wardExportFile(wardSettingsFile: string): string {
  return path.basename(wardSettingsFile).includes('.example.') ? path.join(path.dirname(wardSettingsFile), 'ward-settings.yaml') : wardSettingsFile;
}
