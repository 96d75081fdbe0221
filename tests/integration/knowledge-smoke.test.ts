import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadKnowledge } from '../../src/knowledge/load.js';
import { loadThresholds } from '../../src/retrieval/search/load-thresholds.js';
import { Retriever } from '../../src/retrieval/search/index.js';

// The one test that loads the whole shipped knowledge base (every other test uses a small fixture set): it must be valid and searchable.
describe('the shipped knowledge base', () => {
  it('loads every curated entry and official record without a problem, and answers as calibrated', async () => {
    const dir = path.resolve('knowledge');
    const knowledge = await loadKnowledge(dir, { relativeTo: dir });
    expect(knowledge.problems.map(formatProblem)).toEqual([]);
    const curated = knowledge.entries.filter((e) => !e.id.startsWith('dvc-'));
    expect(curated).toHaveLength(35);
    expect(knowledge.entries.length - curated.length).toBeGreaterThanOrEqual(2600);

    const birth = knowledge.entries.find((e) => e.id === 'dvc-1.001193');
    expect(birth?.channels.map((c) => c.fee?.amountVnd)).toEqual([0, 0, 0]);
    const residence = knowledge.entries.find((e) => e.id === 'dvc-1.004194');
    expect(residence?.channels.find((c) => c.kind === 'truc-tuyen')?.fee?.amountVnd).toBe(7000);

    const { thresholds, calibrated } = loadThresholds(dir);
    expect(calibrated).toBe(true);
    const retriever = new Retriever({ entries: knowledge.entries, synonyms: knowledge.synonyms, thresholds });
    const answer = await retriever.search('xin cap so do lan dau cho manh dat nha minh', 3);
    expect(answer.results[0]?.id).toBe('dang-ky-dat-dai-lan-dau');
    expect(answer.answerable).toBe(true);
    expect((await retriever.search('cách nấu phở bò ngon', 3)).answerable).toBe(false);
  }, 120_000);
});
