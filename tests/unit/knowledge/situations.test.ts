import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadKnowledge } from '../../../src/knowledge/load.js';
import { curatedCoverage, findSituationProcedureProblems, SituationSchema } from '../../../src/knowledge/situation-schema.js';
import { foldForMatch } from '../../../src/text/index.js';
import { buildCatalogueEntry, buildCuratedEntry, buildSituation, writeKnowledgeDir } from '../../helpers/knowledge.js';

const entries = {
  'curated/dang-ky-khai-sinh.yaml': buildCuratedEntry(),
  'catalogue/1.001193.yaml': buildCatalogueEntry('1.001193'),
  'catalogue/2.000693.yaml': buildCatalogueEntry('2.000693'),
  'synonyms.yaml': { synonyms: [] },
};

describe('SituationSchema', () => {
  it('accepts a situation and defaults verified to false', () => {
    const { verified: _verified, ...input } = buildSituation();
    expect(SituationSchema.parse(input)).toEqual(buildSituation({ verified: false }));
  });

  it('asks for three Vietnamese triggers, an English one, and two to eight procedures', () => {
    const fields = (value: unknown) => (SituationSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(fields(buildSituation({ triggers: { vi: ['sinh con', 'sinh em bé'], en: ['had a baby'] } }))).toEqual(['triggers.vi']);
    expect(fields(buildSituation({ triggers: { vi: ['a', 'sinh con', 'sinh em bé'], en: [] } }))).toEqual(['triggers.vi.0', 'triggers.en']);
    expect(fields(buildSituation({ procedures: [{ id: 'dang-ky-khai-sinh' }] }))).toEqual(['procedures']);
    expect(fields(buildSituation({ procedures: Array.from({ length: 9 }, (_, i) => ({ id: `p-${i}` })) }))).toEqual(['procedures']);
    expect(fields({ ...buildSituation(), id: 'Sinh_Con', colour: 'red' })).toEqual(['id', '']);
  });

  it('finds procedures no entry has, procedures listed twice, and records a curated entry answers', () => {
    const entries = [{ id: 'a', codes: [] }, { id: 'dang-ky-khai-sinh', codes: ['1.001193'] }, { id: 'dvc-1.001193', codes: ['1.001193'] }, { id: 'dvc-2.000001', codes: ['2.000001'] }];
    const lookup = { has: (id: string) => entries.some((e) => e.id === id), coveredBy: curatedCoverage(entries) };
    const situation = buildSituation({ procedures: [{ id: 'a' }, { id: 'missing' }, { id: 'a' }, { id: 'dvc-1.001193' }, { id: 'dvc-2.000001' }] });
    expect(findSituationProcedureProblems(situation, lookup)).toEqual([
      { index: 1, id: 'missing', reason: 'unknown' },
      { index: 2, id: 'a', reason: 'repeated' },
      { index: 3, id: 'dvc-1.001193', reason: 'covered', curatedId: 'dang-ky-khai-sinh' },
    ]);
  });
});

describe('loadKnowledge: situations', () => {
  it('loads situations/*.yaml beside the entries', async () => {
    const dir = await writeKnowledgeDir({ ...entries, 'situations/sinh-con.yaml': buildSituation() });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.problems).toEqual([]);
    expect(loaded.situations).toEqual([buildSituation()]);
    expect(loaded.fileCount).toBe(3);
  });

  it('has no situations when the folder is missing', async () => {
    const loaded = await loadKnowledge(await writeKnowledgeDir(entries));
    expect(loaded.situations).toEqual([]);
  });

  it('skips a bad file with `file: field: problem`, and one named after another id', async () => {
    const dir = await writeKnowledgeDir({
      ...entries,
      'situations/sinh-con.yaml': buildSituation(),
      'situations/ket-hon.yaml': { ...buildSituation({ id: 'ket-hon' }), title: { vi: 'Kết hôn' } },
      'situations/chuyen-nha.yaml': buildSituation({ id: 'chuyen-noi-o' }),
      'situations/hong.yaml': 'id: hong\ntitle: [unclosed\n',
    });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.situations.map((s) => s.id)).toEqual(['sinh-con']);
    expect(loaded.problems.map(formatProblem)).toEqual([
      'situations/chuyen-nha.yaml: id: id "chuyen-noi-o" must live in a file named chuyen-noi-o.yaml',
      expect.stringMatching(/^situations\/hong\.yaml: \(yaml\): broken YAML/),
      expect.stringMatching(/^situations\/ket-hon\.yaml: title\.en: /),
    ]);
  });

  it('reports a procedure no entry has, or one a curated entry answers, and leaves it out of the checklist', async () => {
    const situation = buildSituation({ procedures: [{ id: 'dang-ky-khai-sinh' }, { id: 'dvc-9.999999' }, { id: 'dvc-1.001193' }, { id: 'dvc-2.000001' }] });
    const dir = await writeKnowledgeDir({ ...entries, 'catalogue/2.000001.yaml': buildCatalogueEntry('2.000001'), 'situations/sinh-con.yaml': situation });
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.problems.map(formatProblem)).toEqual([
      'situations/sinh-con.yaml: procedures.1.id: no entry "dvc-9.999999"; left out',
      'situations/sinh-con.yaml: procedures.2.id: "dvc-1.001193" is answered by the curated entry "dang-ky-khai-sinh"; list that one; left out',
    ]);
    expect(loaded.situations[0]?.procedures.map((p) => p.id)).toEqual(['dang-ky-khai-sinh', 'dvc-2.000001']);
    expect(loaded.entries.map((e) => e.id)).toContain('dvc-2.000693');
  });
});

describe('the shipped situations', () => {
  it('all load, each procedure exists, and no trigger belongs to two situations', async () => {
    const dir = path.resolve('knowledge');
    const loaded = await loadKnowledge(dir, { relativeTo: dir });
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.situations.length).toBeGreaterThanOrEqual(16);
    const owner = new Map<string, string>();
    for (const situation of loaded.situations) {
      // Each Vietnamese trigger list is written with and without marks, as citizens type.
      expect(situation.triggers.vi.some((t) => foldForMatch(t) === t.toLowerCase()), situation.id).toBe(true);
      for (const trigger of [...situation.triggers.vi, ...situation.triggers.en]) {
        const folded = foldForMatch(trigger);
        const other = owner.get(folded);
        expect(other === undefined || other === situation.id, `"${trigger}" in ${situation.id} and ${other}`).toBe(true);
        owner.set(folded, situation.id);
      }
    }
  });
});
