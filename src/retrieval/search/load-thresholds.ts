import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_THRESHOLDS, ThresholdsSchema, type Thresholds } from './thresholds.js';

/** Where `npm run calibrate` writes the abstention thresholds: beside the knowledge they were calibrated on. */
export function thresholdsFile(knowledgeDir: string): string {
  return path.join(knowledgeDir, 'thresholds.json');
}

/** Reads the calibrated thresholds; the conservative defaults when none were calibrated or the file is bad. */
export function loadThresholds(knowledgeDir: string): { thresholds: Thresholds; calibrated: boolean } {
  try {
    return { thresholds: ThresholdsSchema.parse(JSON.parse(readFileSync(thresholdsFile(knowledgeDir), 'utf8'))), calibrated: true };
  } catch {
    return { thresholds: DEFAULT_THRESHOLDS, calibrated: false };
  }
}
