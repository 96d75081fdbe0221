import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCatalogue, ImportInputError } from '../../../../src/knowledge/import/index.js';
import { loadKnowledge } from '../../../../src/knowledge/load.js';
import { readSampleLines } from './fixture.js';

const dirs: string[] = [];
async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-import-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('importCatalogue', () => {
  it('reports a broken line with its line number and field, and imports the others', async () => {
    const dir = await makeTempDir();
    const [first, second, ...rest] = readSampleLines();
    const badRecord = JSON.stringify({ ...JSON.parse(second ?? '{}'), ma_thu_tuc: 'không-phải-mã' });
    const input = path.join(dir, 'input.jsonl');
    await writeFile(input, [first, badRecord, '{"ma_thu_tuc": ', ...rest].join('\n') + '\n');
    const report: string[] = [];
    const out = path.join(dir, 'catalogue');
    const totals = await importCatalogue(input, out, { report: (line) => report.push(line), shownAs: 'input.jsonl' });

    expect(report).toEqual([
      'input.jsonl:2: ma_thu_tuc: expected a national code such as 1.001193',
      expect.stringMatching(/^input\.jsonl:3: \(json\): not a JSON object/),
    ]);
    expect(totals).toMatchObject({ read: 13, imported: 11, skipped: 2, written: 11, unchanged: 0 });
    expect(await readdir(out)).toHaveLength(11);
  });

  it('writes files the loader accepts, and nothing on a second run', async () => {
    const dir = await makeTempDir();
    const input = path.join(dir, 'input.jsonl');
    await writeFile(input, readSampleLines().join('\n') + '\n');
    const out = path.join(dir, 'knowledge', 'catalogue');
    const first = await importCatalogue(input, out, { report: () => undefined });
    expect(first).toMatchObject({ read: 12, imported: 12, written: 12, unchanged: 0 });
    expect(first.parsedFully + Object.values(first.fallbacks).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    const before = await readFile(path.join(out, '1.001193.yaml'), 'utf8');

    const second = await importCatalogue(input, out, { report: () => undefined });
    expect(second).toMatchObject({ written: 0, unchanged: 12 });
    expect(await readFile(path.join(out, '1.001193.yaml'), 'utf8')).toBe(before);

    const loaded = await loadKnowledge(path.join(dir, 'knowledge'), { relativeTo: dir });
    expect(loaded.problems.filter((p) => p.file.startsWith('knowledge/catalogue'))).toEqual([]);
    expect(loaded.entries.map((e) => e.id).sort()).toContain('dvc-1.004194');
  });

  it('keeps the everyday names written on a record when the official text is imported again', async () => {
    const dir = await makeTempDir();
    const input = path.join(dir, 'input.jsonl');
    await writeFile(input, readSampleLines().join('\n') + '\n');
    const out = path.join(dir, 'knowledge', 'catalogue');
    await importCatalogue(input, out, { report: () => undefined });
    const file = path.join(out, '1.001193.yaml');
    const imported = await readFile(file, 'utf8');
    const named = imported.replace(/\nlevels:/, '\naliases:\n  vi:\n    - làm giấy khai sinh cho con\n  en:\n    - register a newborn\nlevels:');
    expect(named).not.toBe(imported);
    await writeFile(file, named);

    const again = await importCatalogue(input, out, { report: () => undefined });
    expect(again).toMatchObject({ written: 0, unchanged: 12 });
    expect(await readFile(file, 'utf8')).toBe(named);
    const loaded = await loadKnowledge(path.join(dir, 'knowledge'), { relativeTo: dir });
    expect(loaded.entries.find((e) => e.id === 'dvc-1.001193')?.aliases).toEqual({ vi: ['làm giấy khai sinh cho con'], en: ['register a newborn'] });

    // A file that is no longer an entry is written again from the record, with nothing kept.
    await writeFile(file, 'aliases: [not: closed');
    const repaired = await importCatalogue(input, out, { report: () => undefined });
    expect(repaired).toMatchObject({ written: 1, unchanged: 11 });
    expect(await readFile(file, 'utf8')).toBe(imported);
  });

  it('leaves files it did not write alone and skips a repeated code', async () => {
    const dir = await makeTempDir();
    const [first] = readSampleLines();
    const input = path.join(dir, 'input.jsonl');
    await writeFile(input, `${first}\n${first}\n`);
    const out = path.join(dir, 'catalogue');
    await importCatalogue(input, out, { report: () => undefined });
    await writeFile(path.join(out, '9.999999.yaml'), 'kept: true\n');
    const report: string[] = [];
    const totals = await importCatalogue(input, out, { report: (line) => report.push(line), shownAs: 'in.jsonl' });
    expect(report).toEqual(['in.jsonl:2: ma_thu_tuc: the same code is on line 1; this line is skipped']);
    expect(totals).toMatchObject({ imported: 1, skipped: 1, written: 0, unchanged: 1 });
    expect(await readFile(path.join(out, '9.999999.yaml'), 'utf8')).toBe('kept: true\n');
  });

  it('fails with a clear error when the input is missing', async () => {
    const dir = await makeTempDir();
    await expect(importCatalogue(path.join(dir, 'missing.jsonl'), path.join(dir, 'out'))).rejects.toThrow(ImportInputError);
    await expect(importCatalogue(path.join(dir, 'missing.jsonl'), path.join(dir, 'out'))).rejects.toThrow(/does not exist/);
    await expect(importCatalogue(dir, path.join(dir, 'out'))).rejects.toThrow(/is not a file/);
  });
});
