import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importRecord } from '../../src/knowledge/import/import-record.js';
import { DvcRecordSchema, type DvcRecord } from '../../src/knowledge/import/record-schema.js';
import { EntrySchema, type Entry } from '../../src/knowledge/schema.js';

const FILE = fileURLToPath(new URL('../fixtures/issue-19/records.jsonl', import.meta.url));

/** The real catalogue records named by issue 19 (copied from shared/data/dvc-procedures.jsonl), by code. */
export function readIssue19Records(): Map<string, DvcRecord> {
  const lines = readFileSync(FILE, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return new Map(lines.map((line) => {
    const record = DvcRecordSchema.parse(JSON.parse(line));
    return [record.ma_thu_tuc, record];
  }));
}

/** One of those records as the importer makes it into an entry. */
export function importIssue19Entry(code: string): Entry {
  const record = readIssue19Records().get(code);
  if (!record) throw new Error(`no issue-19 fixture record ${code}`);
  return EntrySchema.parse(importRecord(record).entry);
}
