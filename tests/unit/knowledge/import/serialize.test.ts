import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { serializeEntry, serializeYaml, writeFileAtomic, writeFileIfChanged } from '../../../../src/knowledge/files.js';
import { importRecord } from '../../../../src/knowledge/import/index.js';
import { EntrySchema } from '../../../../src/knowledge/schema.js';
import { readSampleRecord } from './fixture.js';

describe('serializeEntry', () => {
  it('writes keys in schema order, leaves empty fields out and keeps null reviewers', () => {
    const text = serializeEntry({
      reviewedBy: null,
      verified: true,
      updatedAt: '2026-07-15',
      levels: ['xã'],
      title: { vi: 'Thủ tục đăng ký khai sinh' },
      codes: ['1.001193'],
      id: 'dvc-1.001193',
      documents: [],
      agencies: {},
    });
    expect(text).toBe(
      ['id: dvc-1.001193', 'codes:', '  - "1.001193"', 'title:', '  vi: Thủ tục đăng ký khai sinh', 'levels:', '  - xã', 'verified: true', 'updatedAt: 2026-07-15', 'reviewedBy: null', ''].join('\n'),
    );
  });

  it('round-trips a real record byte for byte and never folds long lines', () => {
    const entry = EntrySchema.parse(importRecord(readSampleRecord('1.004194')).entry);
    const text = serializeEntry(entry);
    expect(serializeEntry(EntrySchema.parse(parse(text)))).toBe(text);
    expect(EntrySchema.parse(parse(text))).toEqual(entry);
    const longest = entry.channels[0]?.description ?? '';
    expect(longest.length).toBeGreaterThan(120);
    expect(text).toContain(`description: "${longest}"`);
  });

  it('writes multi-line text as a literal block', () => {
    expect(serializeYaml({ steps: ['Bước 2: Nộp hồ sơ.\nTrường hợp đủ điều kiện thì tiếp nhận.'] })).toBe(
      'steps:\n  - |-\n    Bước 2: Nộp hồ sơ.\n    Trường hợp đủ điều kiện thì tiếp nhận.\n',
    );
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind; unchanged text is not rewritten', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-files-'));
    try {
      const file = path.join(dir, 'a.yaml');
      await writeFileAtomic(file, 'one\n');
      await writeFileAtomic(file, 'two\n');
      expect(await readFile(file, 'utf8')).toBe('two\n');
      expect(await writeFileIfChanged(file, 'two\n')).toBe(false);
      expect(await writeFileIfChanged(file, 'three\n')).toBe(true);
      expect(await readdir(dir)).toEqual(['a.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
