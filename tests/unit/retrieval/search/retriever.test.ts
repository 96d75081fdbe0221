import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../../src/retrieval/search/index.js';
import { priorOf } from '../../../../src/retrieval/search/retriever.js';
import { buildFixtureKnowledge } from '../../../helpers/fixture-knowledge.js';

const thresholds = DEFAULT_THRESHOLDS;

describe('Retriever', () => {
  const { entries, synonyms } = buildFixtureKnowledge();
  const retriever = new Retriever({ entries, synonyms, thresholds });

  it('finds the curated entry without diacritics', async () => {
    const response = await retriever.search('dang ky khai sinh cho con', 5);
    expect(response.results[0]?.id).toBe('dang-ky-khai-sinh');
    expect(response.answerable).toBe(true);
  });

  it('folds a covered catalogue record into its curated entry (one result)', async () => {
    const ids = (await retriever.search('thủ tục đăng ký kết hôn', 10)).results.map((r) => r.id);
    expect(ids[0]).toBe('dang-ky-ket-hon');
    expect(ids).not.toContain('dvc-1.000894');
    expect(retriever.getDocument('dvc-1.000894')?.id).toBe('dang-ky-ket-hon');
  });

  it('understands colloquial words through synonyms and aliases', async () => {
    expect((await retriever.search('lam so do lan dau', 3)).results[0]?.id).toBe('dang-ky-dat-dai-lan-dau');
    expect((await retriever.search('tôi muốn lấy vợ', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
  });

  it('answers English through English titles and aliases', async () => {
    expect((await retriever.search('How do I register a marriage?', 3)).results[0]?.id).toBe('dang-ky-ket-hon');
  });

  it('shows a procedure published at two levels once, as its commune-level record', async () => {
    const ids = (await retriever.search('cap giay phep xay dung', 5)).results.map((r) => r.id);
    expect(ids).toContain('dvc-2.000001');
    expect(ids).not.toContain('dvc-2.000002');
  });

  it('keeps provincial procedures in scope and says where they are done', async () => {
    const response = await retriever.search('làm hộ chiếu', 3);
    expect(response.results[0]).toMatchObject({ id: 'dvc-2.000003', levels: ['tỉnh'], kind: 'catalogue' });
    expect(response.answerable).toBe(true);
  });

  it('believes less in a procedure only a ministry handles: a ward is rarely asked for one', () => {
    const provincial = entries.find((entry) => entry.id === 'dvc-2.000003');
    if (!provincial) throw new Error('fixture has no provincial record');
    expect(priorOf({ ...provincial, levels: ['bộ'] })).toBeLessThan(priorOf(provincial));
    expect(priorOf({ ...provincial, levels: ['bộ', 'tỉnh'] })).toBe(priorOf(provincial));
  });

  it('abstains on questions that are not about procedures', async () => {
    for (const q of ['thời tiết hôm nay thế nào', 'what is the weather tomorrow', 'giá vàng hôm nay']) {
      expect((await retriever.search(q, 5)).answerable, q).toBe(false);
    }
  });

  it('uses a dense searcher when one is plugged in', async () => {
    const local = new Retriever({ entries, synonyms, thresholds });
    local.setDense({ search: async () => [{ entryId: 'dvc-2.000003', section: 'documents', similarity: 0.9 }] });
    const response = await local.search('passport renewal abroad', 3);
    expect(response.results[0]).toMatchObject({ id: 'dvc-2.000003', section: 'documents' });
    expect(response.evidence.dense).toBe(0.9);
  });

  it('re-indexes when entries are replaced', async () => {
    const local = new Retriever({ entries, synonyms, thresholds });
    const changed = entries.map((e) =>
      e.id === 'dvc-2.000003' ? { ...e, title: { vi: 'Cấp thẻ căn cước cho người dưới 14 tuổi' } } : e,
    );
    local.replaceEntries(changed);
    expect((await local.search('the can cuoc duoi 14 tuoi', 3)).results[0]?.id).toBe('dvc-2.000003');
  });
});
