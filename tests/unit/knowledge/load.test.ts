import { readFile, rm, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../src/knowledge/entry-hash.js';
import { formatProblem, loadKnowledge, loadWardSettings } from '../../../src/knowledge/load.js';
import { buildCatalogueEntry, buildCuratedEntry, writeKnowledgeDir } from '../../helpers/knowledge.js';

const synonyms = { synonyms: [{ colloquial: ['sổ đỏ', 'so do'], official: ['giấy chứng nhận quyền sử dụng đất'] }] };

describe('loadKnowledge', () => {
  it('reuses its parse cache, and ignores a damaged or hand-edited one instead of failing to start', async () => {
    const dir = await writeKnowledgeDir({ 'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(), 'synonyms.yaml': synonyms });
    const cacheFile = path.join(dir, 'cache', 'knowledge.json');
    const first = await loadKnowledge(dir, { relativeTo: dir, cacheFile });
    const saved = await readFile(cacheFile, 'utf8');
    const [header = '', body = ''] = [saved.slice(0, saved.indexOf('\n')), saved.slice(saved.indexOf('\n') + 1)];
    expect(JSON.parse(header)).toMatchObject({ version: 5, crc32: expect.any(Number) });
    expect((await loadKnowledge(dir, { relativeTo: dir, cacheFile })).entries).toEqual(first.entries);
    const wrongShape = JSON.stringify([path.join(dir, 'curated/dang-ky-khai-sinh.yaml'), 'x', { ok: true }]);
    // Valid JSON of the wrong shape (with a matching CRC), a body changed behind the CRC's back, and plain garbage.
    const damaged = [
      `${JSON.stringify({ ...JSON.parse(header), crc32: crc32(Buffer.from(wrongShape)) })}\n${wrongShape}`,
      `${header}\n${body.replace('dang-ky-khai-sinh', 'dang-ky-ket-hon')}`,
      '{"version":4,"schema":1}\n["a","x",{"problems":7}]',
      '\u0000garbage',
    ];
    for (const text of damaged) {
      await writeFile(cacheFile, text);
      const loaded = await loadKnowledge(dir, { relativeTo: dir, cacheFile });
      expect(loaded.problems).toEqual([]);
      expect(loaded.entries).toEqual(first.entries);
    }
  });

  it('leaves the official text of cached entries in the cache file, read when used, even after the file is replaced', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(),
      'catalogue/1.001193.yaml': buildCatalogueEntry('1.001193', { steps: ['Nộp hồ sơ tại bộ phận một cửa', 'Nhận kết quả'] }),
      'synonyms.yaml': synonyms,
    });
    const cacheFile = path.join(dir, 'cache', 'knowledge.json');
    const fresh = await loadKnowledge(dir, { relativeTo: dir, cacheFile });
    const cached = await loadKnowledge(dir, { relativeTo: dir, cacheFile });
    const record = cached.entries.find((entry) => entry.id === 'dvc-1.001193')!;
    expect(Object.getOwnPropertyDescriptor(record, 'steps')?.get).toBeTypeOf('function');
    expect(Object.keys(record)).toEqual(Object.keys(fresh.entries.find((entry) => entry.id === 'dvc-1.001193')!));
    expect(JSON.stringify(cached.entries)).toBe(JSON.stringify(fresh.entries));
    expect(cached.entries.map(entryHash)).toEqual(fresh.entries.map((entry) => entryHash({ ...entry })));
    // A later start rewrites the cache (a file changed); the entries already served still read their text.
    await writeFile(path.join(dir, 'catalogue/1.001193.yaml'), (await readFile(path.join(dir, 'catalogue/1.001193.yaml'), 'utf8')) + '\n');
    await loadKnowledge(dir, { relativeTo: dir, cacheFile });
    await rm(cacheFile);
    expect(record.steps).toEqual(['Nộp hồ sơ tại bộ phận một cửa', 'Nhận kết quả']);
    expect({ ...record }).toEqual(fresh.entries.find((entry) => entry.id === 'dvc-1.001193'));
  });

  it('loads curated and catalogue entries and the synonyms', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(),
      'catalogue/1.001193.yaml': buildCatalogueEntry('1.001193'),
      'synonyms.yaml': synonyms,
    });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.problems).toEqual([]);
    expect(loaded.entries.map((e) => e.id).sort()).toEqual(['dang-ky-khai-sinh', 'dvc-1.001193']);
    expect(loaded.synonyms).toHaveLength(1);
    expect(loaded.fileCount).toBe(2);
  });

  it('skips a file with broken YAML, names file and line, and serves the rest', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(),
      'curated/dang-ky-khai-tu.yaml': 'id: dang-ky-khai-tu\ntitle: [unclosed\n  vi: x\n',
      'synonyms.yaml': synonyms,
    });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.entries.map((e) => e.id)).toEqual(['dang-ky-khai-sinh']);
    expect(loaded.problems).toHaveLength(1);
    expect(formatProblem(loaded.problems[0]!)).toMatch(/^curated\/dang-ky-khai-tu\.yaml: \(yaml\): broken YAML at line \d+/);
  });

  it('reports a missing required field by its path', async () => {
    const { levels: _levels, ...withoutLevels } = buildCuratedEntry({ id: 'dang-ky-khai-tu' });
    const dir = await writeKnowledgeDir({ 'curated/dang-ky-khai-tu.yaml': withoutLevels, 'synonyms.yaml': synonyms });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.entries).toEqual([]);
    expect(loaded.problems.map(formatProblem)).toEqual([expect.stringMatching(/^curated\/dang-ky-khai-tu\.yaml: levels: /)]);
  });

  it('reports an unknown field, including nested ones', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': { ...buildCuratedEntry(), colour: 'red' },
      'catalogue/1.001193.yaml': buildCatalogueEntry('1.001193', {
        channels: [{ kind: 'truc-tiep', fee: { text: 'Miễn phí', amountVnd: 0, currency: 'VND' } as never }],
      }),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toContain('curated/dang-ky-khai-sinh.yaml: (root): unknown field(s): colour');
    expect(lines).toContain('catalogue/1.001193.yaml: channels.0.fee: unknown field(s): currency');
  });

  it('reports wrong values with the field path', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry({ levels: ['huyện' as never], codes: ['abc'], updatedAt: '23/11/2026' }),
      'synonyms.yaml': synonyms,
    });
    const fields = (await loadKnowledge(dir, { relativeTo: dir })).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['levels.0', 'codes.0', 'updatedAt']));
  });

  it('catches duplicate ids and keeps the first', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(),
      'curated/dang-ky-khai-sinh.yml': buildCuratedEntry({ title: { vi: 'Bản sao', en: 'Copy' } }),
      'synonyms.yaml': synonyms,
    });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.entries).toHaveLength(1);
    expect(loaded.entries[0]?.title.vi).toBe('Đăng ký khai sinh');
    expect(loaded.problems.map(formatProblem)).toEqual([expect.stringMatching(/dang-ky-khai-sinh\.yml: id: duplicate id "dang-ky-khai-sinh"/)]);
  });

  it('requires the file name to match the id and the folder to match the kind', async () => {
    const dir = await writeKnowledgeDir({
      'curated/khai-sinh.yaml': buildCuratedEntry(),
      'curated/1.001193.yaml': buildCatalogueEntry('1.001193'),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toContain('curated/khai-sinh.yaml: id: id "dang-ky-khai-sinh" must live in a file named dang-ky-khai-sinh.yaml');
    expect(lines).toContain('curated/1.001193.yaml: id: catalogue ids (dvc-…) belong in catalogue/');
  });

  it('holds curated entries to citizens’ needs: English, summary and five aliases', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry({ title: { vi: 'Đăng ký khai sinh' }, aliases: { vi: ['khai sinh'], en: [] } }),
      'synonyms.yaml': synonyms,
    });
    const fields = (await loadKnowledge(dir, { relativeTo: dir })).problems.map((p) => `${p.field}: ${p.message}`);
    expect(fields).toEqual(expect.arrayContaining(['title.en: a curated entry needs an English title', 'aliases: needs at least 5 aliases, has 1']));
  });

  it('flags a curated code that no catalogue record has, and a code claimed twice', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry({ codes: ['1.001193', '9.999999'] }),
      'curated/dang-ky-khai-sinh-lai.yaml': buildCuratedEntry({ id: 'dang-ky-khai-sinh-lai', codes: ['1.001193'] }),
      'catalogue/1.001193.yaml': buildCatalogueEntry('1.001193'),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toContain('curated/dang-ky-khai-sinh.yaml: codes.1: no catalogue record 9.999999');
    expect(lines.some((l) => l.includes('codes.0: code 1.001193 is already covered by'))).toBe(true);
  });

  it('reports two searchable entries claiming one national code, naming both files and the field', async () => {
    const dir = await writeKnowledgeDir({
      'catalogue/1.004194.yaml': buildCatalogueEntry('1.004194', { title: { vi: 'Đăng ký tạm trú' } }),
      'catalogue/2.000001.yaml': buildCatalogueEntry('2.000001', { codes: ['2.000001', '1.004194'], title: { vi: 'Đăng ký tạm trú' } }),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toEqual([
      'catalogue/2.000001.yaml: codes.1: code 1.004194 is already covered by catalogue/1.004194.yaml (codes.0): two searchable entries answer for one national code; '
        + 'keep the code on one of them, or list it on a curated entry that folds the record',
    ]);
  });

  it('reports an everyday name shared by two searchable entries, compared without marks; a folded record may repeat it', async () => {
    const dir = await writeKnowledgeDir({
      'catalogue/1.012786.yaml': buildCatalogueEntry('1.012786', { title: { vi: 'Cấp lại Giấy chứng nhận do bị mất' }, aliases: { vi: ['làm lại sổ đỏ bị mất'], en: [] } }),
      'catalogue/1.012787.yaml': buildCatalogueEntry('1.012787', { title: { vi: 'Cấp đổi Giấy chứng nhận' }, aliases: { vi: ['đổi sổ đỏ cũ', 'Lam lai so do bi mat'], en: [] } }),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toEqual([
      'catalogue/1.012787.yaml: aliases.vi.1: "Lam lai so do bi mat" already names catalogue/1.012786.yaml (aliases.vi.0): make each name say what only its procedure does',
    ]);

    const folded = await writeKnowledgeDir({
      'curated/dang-ky-tam-tru.yaml': buildCuratedEntry({ id: 'dang-ky-tam-tru', codes: ['1.004194'], aliases: { vi: ['đăng ký tạm trú', 'khai báo tạm trú', 'đăng ký ở trọ', 'báo tạm trú', 'làm tạm trú'], en: [] } }),
      'catalogue/1.004194.yaml': buildCatalogueEntry('1.004194', { aliases: { vi: ['khai báo tạm trú'], en: [] } }),
      'synonyms.yaml': synonyms,
    });
    expect((await loadKnowledge(folded, { relativeTo: folded })).problems).toEqual([]);
  });

  it('accepts one code on a curated entry and its records: the curated entry folds them', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-tam-tru.yaml': buildCuratedEntry({ id: 'dang-ky-tam-tru', codes: ['1.004194'] }),
      'catalogue/1.004194.yaml': buildCatalogueEntry('1.004194'),
      'catalogue/2.000001.yaml': buildCatalogueEntry('2.000001', { codes: ['2.000001', '1.004194'] }),
      'synonyms.yaml': synonyms,
    });
    expect((await loadKnowledge(dir, { relativeTo: dir })).problems).toEqual([]);
  });

  it('does not let a draft curated entry fold a record: the record and another still claim the code twice', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-tam-tru.yaml': buildCuratedEntry({ id: 'dang-ky-tam-tru', codes: ['1.004194'], status: 'draft' }),
      'catalogue/1.004194.yaml': buildCatalogueEntry('1.004194'),
      'catalogue/2.000001.yaml': buildCatalogueEntry('2.000001', { codes: ['2.000001', '1.004194'] }),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines.some((l) => l.startsWith('catalogue/2.000001.yaml: codes.1: code 1.004194 is already covered by'))).toBe(true);
  });

  it('checks English texts item by item and that a legal time limit cites a law of the entry', async () => {
    const dir = await writeKnowledgeDir({
      'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry({
        steps: ['Nộp tờ khai.', 'Nhận Giấy khai sinh.'],
        en: { steps: ['Hand in the form.'], fees: ['Free of charge'] },
        legalBasis: [{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }],
        legalTimeLimits: [{ kind: 'deadline', text: { vi: 'Trong 60 ngày kể từ ngày sinh.' }, basis: { title: 'Luật Cư trú', number: '68/2020/QH14', article: 'Điều 1' } }],
      }),
      'synonyms.yaml': synonyms,
    });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toEqual(expect.arrayContaining([
      'curated/dang-ky-khai-sinh.yaml: en.steps: has 1 items, steps has 2: translate each one, in the same order',
      'curated/dang-ky-khai-sinh.yaml: legalTimeLimits.0.basis.number: 68/2020/QH14 is not in legalBasis: cite the law there too',
    ]));
    expect(lines.some((l) => l.includes('en.fees'))).toBe(false);
  });

  it('reports a missing or invalid synonyms file without losing entries', async () => {
    const dir = await writeKnowledgeDir({ 'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(), 'synonyms.yaml': { synonyms: [{ colloquial: [] }] } });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.entries).toHaveLength(1);
    expect(loaded.problems.map((p) => p.file)).toEqual(['synonyms.yaml', 'synonyms.yaml']);
  });

  it('rejects a file that is not a mapping', async () => {
    const dir = await writeKnowledgeDir({ 'curated/dang-ky-khai-sinh.yaml': '- just\n- a list\n', 'synonyms.yaml': synonyms });
    const lines = (await loadKnowledge(dir, { relativeTo: dir })).problems.map(formatProblem);
    expect(lines).toEqual(['curated/dang-ky-khai-sinh.yaml: (root): expected a YAML mapping of fields']);
  });
});

describe('loadWardSettings', () => {
  it('loads a valid settings file and reports a broken one by field', async () => {
    const valid = {
      example: true,
      wardName: 'Phường Ví Dụ',
      address: '(ví dụ) số 1 phố Ví Dụ',
      openingHours: [{ days: 'Thứ 2 – Thứ 6', hours: '7:30–17:00' }],
      counters: [{ number: 1, name: 'Hộ tịch' }],
      phone: '(ví dụ) 024 0000 0000',
      updatedAt: '2026-11-23',
    };
    const dir = await writeKnowledgeDir({ 'ward.yaml': valid, 'bad.yaml': { ...valid, counters: [{ number: 0, name: 'x' }] } });
    expect((await loadWardSettings(path.join(dir, 'ward.yaml'))).settings?.wardName).toBe('Phường Ví Dụ');
    const bad = await loadWardSettings(path.join(dir, 'bad.yaml'), 'bad.yaml');
    expect(bad.settings).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toEqual(['counters.0.number']);
    expect((await loadWardSettings(path.join(dir, 'missing.yaml'), 'missing.yaml')).problems.map(formatProblem)).toEqual(['missing.yaml: (file): file not found']);
  });
});
