import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatVnd } from '../../../../src/chat/compose/index.js';
import { EntrySchema, WardSettingsSchema, type Entry, type EntryInput, type WardSettings } from '../../../../src/knowledge/schema.js';
import { buildCatalogueEntry, buildCuratedEntry } from '../../../helpers/knowledge.js';

const KNOWLEDGE = fileURLToPath(new URL('../../../../knowledge/', import.meta.url));

/** A shipped curated entry, read and validated as the service reads it. */
export function loadCurated(id: string): Entry {
  return EntrySchema.parse(parse(readFileSync(`${KNOWLEDGE}curated/${id}.yaml`, 'utf8')));
}

/** The shipped example ward settings (`example: true`). */
export function loadExampleWard(): WardSettings {
  return WardSettingsSchema.parse(parse(readFileSync(`${KNOWLEDGE}ward-settings.example.yaml`, 'utf8')));
}

/** A curated entry built from the shared test builder. */
export function curated(overrides: Partial<EntryInput> = {}): Entry {
  return EntrySchema.parse(buildCuratedEntry(overrides));
}

/** A catalogue record `dvc-<code>` built from the shared test builder. */
export function catalogue(code: string, overrides: Partial<EntryInput> = {}): Entry {
  return EntrySchema.parse(buildCatalogueEntry(code, overrides));
}

/** Ward settings that are real (not an example). */
export function realWard(overrides: Partial<WardSettings> = {}): WardSettings {
  return WardSettingsSchema.parse({
    example: false,
    wardName: 'Phường Hòa Bình',
    address: 'Số 12 phố Hòa Bình',
    openingHours: [{ days: 'Thứ 2 – Thứ 6', hours: 'Sáng 7:30–11:30' }],
    counters: [{ number: 3, name: 'Hộ tịch', fields: ['Hộ tịch'] }],
    phone: '024 3999 8888',
    updatedAt: '2026-11-23',
    ...overrides,
  });
}

/**
 * Numbers in the text that appear nowhere in the sources: list numbering ("3. ") and the given derived counts are
 * allowed, as are amounts regrouped for reading (7000 → "7.000" / "7,000").
 */
export function numbersNotIn(text: string, sources: readonly unknown[], derived: readonly number[] = []): string[] {
  const json = JSON.stringify(sources);
  const allowed = new Set<string>([...(json.match(/\d+/g) ?? []), ...derived.map(String)]);
  for (const amount of json.matchAll(/"amountVnd":(\d+)/g)) {
    for (const language of ['vi', 'en'] as const) {
      for (const run of formatVnd(Number(amount[1]), language).match(/\d+/g) ?? []) allowed.add(run);
    }
  }
  const unnumbered = text.replace(/^\d+\. /gm, '');
  return (unnumbered.match(/\d+/g) ?? []).filter((run) => !allowed.has(run));
}
