import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DvcRecordSchema, type DvcRecord } from '../../../../src/knowledge/import/index.js';

/** Path of the sample of real catalogue lines (copied from shared/data/dvc-procedures.jsonl). */
export const SAMPLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/dvc-sample.jsonl');

/** The sample's lines, as written. */
export function readSampleLines(): string[] {
  return readFileSync(SAMPLE_FILE, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

/** One sample record by national code. */
export function readSampleRecord(code: string): DvcRecord {
  const line = readSampleLines().find((candidate) => (JSON.parse(candidate) as { ma_thu_tuc: string }).ma_thu_tuc === code);
  if (!line) throw new Error(`no sample record ${code}`);
  return DvcRecordSchema.parse(JSON.parse(line));
}
