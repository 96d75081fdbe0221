import { CATALOGUE_ID_PREFIX, isCatalogueEntry, type Entry } from './schema.js';

/** A curated entry that says less than an official record it covers. */
export interface ReconcileWarning {
  entryId: string;
  code: string;
  field: 'documents';
  message: string;
}

/**
 * Compares each curated entry with the catalogue records of its codes: a curated entry that lists fewer papers than
 * its record is reported, so that an official either adds the missing ones or knows the answer links the full list
 * (docs/facts.md). Warnings, not problems: a summary is allowed, an unnoticed one is not.
 */
export function compareWithRecords(entries: readonly Entry[]): ReconcileWarning[] {
  const records = new Map(entries.filter(isCatalogueEntry).map((entry) => [entry.id, entry]));
  const warnings: ReconcileWarning[] = [];
  for (const entry of entries) {
    if (isCatalogueEntry(entry)) continue;
    for (const code of entry.codes) {
      const record = records.get(`${CATALOGUE_ID_PREFIX}${code}`);
      if (!record || record.documents.length <= entry.documents.length) continue;
      warnings.push({
        entryId: entry.id,
        code,
        field: 'documents',
        message: `lists ${entry.documents.length} papers, its record ${code} lists ${record.documents.length}: add the missing ones or keep the answer's link to the full official list`,
      });
    }
  }
  return warnings;
}
