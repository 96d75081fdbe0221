import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../../src/retrieval/search/index.js';
import { buildFixtureKnowledge } from '../../../helpers/fixture-knowledge.js';

const thresholds = DEFAULT_THRESHOLDS;

/** The entries with one entry revised (a new object, as a published revision is). */
function revise(entries: Entry[], id: string, change: (entry: Entry) => Partial<Entry>): Entry[] {
  return entries.map((entry) => (entry.id === id ? { ...entry, ...change(entry) } : entry));
}

const topIds = async (retriever: Retriever, q: string) => (await retriever.search(q, 5)).results.map((r) => r.id);

describe('Retriever.updateEntries', () => {
  const { entries, synonyms } = buildFixtureKnowledge();

  it('re-indexes a revised alias in place: a declined question now finds the entry', async () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    const before = await retriever.search('làm passport ở đâu', 3);
    expect(before.answerable).toBe(false);
    expect(before.results[0]?.id).not.toBe('dvc-2.000003');

    const revised = revise(entries, 'dvc-2.000003', () => ({ aliases: { vi: ['làm hộ chiếu'], en: ['passport'] } }));
    expect(retriever.updateEntries(revised)).toEqual({ changed: ['dvc-2.000003'], removed: [] });
    const after = await retriever.search('làm passport ở đâu', 3);
    expect(after.results[0]?.id).toBe('dvc-2.000003');
    expect(after.answerable).toBe(true);
  });

  it('re-indexes a new title, and forgets the old one', async () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    expect((await topIds(retriever, 'the can cuoc duoi 14 tuoi'))[0]).not.toBe('dvc-2.000003');
    retriever.updateEntries(revise(entries, 'dvc-2.000003', () => ({ title: { vi: 'Cấp thẻ căn cước cho người dưới 14 tuổi' } })));
    expect((await topIds(retriever, 'the can cuoc duoi 14 tuoi'))[0]).toBe('dvc-2.000003');
    expect(await topIds(retriever, 'hộ chiếu phổ thông')).not.toContain('dvc-2.000003');
  });

  it('reports only what changed, and nothing for an unchanged knowledge base (even as new objects)', () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    expect(retriever.updateEntries(entries)).toEqual({ changed: [], removed: [] });
    expect(retriever.updateEntries(structuredClone(entries))).toEqual({ changed: [], removed: [] });
    const revised = revise(entries, 'dang-ky-khai-sinh', (e) => ({ steps: [...e.steps, 'Nhận kết quả qua bưu điện.'] }));
    expect(retriever.updateEntries(revised)).toEqual({ changed: ['dang-ky-khai-sinh'], removed: [] });
    expect(retriever.updateEntries(revised)).toEqual({ changed: [], removed: [] });
  });

  it('re-indexes the curated entry when a catalogue record folded into it is edited', async () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    const official = 'Thủ tục đăng ký kết hôn, cấp giấy xác nhận tình trạng độc thân';
    const revised = revise(entries, 'dvc-1.000894', () => ({ title: { vi: official } }));
    expect(retriever.updateEntries(revised)).toEqual({ changed: ['dang-ky-ket-hon'], removed: [] });
    expect(retriever.getDocument('dvc-1.000894')?.fields.official).toEqual([official]);
    expect((await topIds(retriever, 'xác nhận tình trạng độc thân'))[0]).toBe('dang-ky-ket-hon');
  });

  it('unfolds a record whose curated entry no longer covers its code, and drops unpublished entries', async () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    const unfolded = revise(entries, 'dang-ky-ket-hon', () => ({ codes: [] }));
    const update = retriever.updateEntries(unfolded);
    expect(update.changed.sort()).toEqual(['dang-ky-ket-hon', 'dvc-1.000894']);
    expect(update.removed).toEqual([]);
    expect(retriever.getDocument('dvc-1.000894')?.id).toBe('dvc-1.000894');

    const unpublished = revise(unfolded, 'dvc-2.000003', () => ({ status: 'draft' }));
    expect(retriever.updateEntries(unpublished)).toEqual({ changed: [], removed: ['dvc-2.000003'] });
    expect(retriever.getDocument('dvc-2.000003')).toBeUndefined();
    expect(await topIds(retriever, 'làm hộ chiếu')).not.toContain('dvc-2.000003');
    expect(retriever.documents.map((d) => d.id)).not.toContain('dvc-2.000003');

    expect(retriever.updateEntries(entries)).toEqual({ changed: ['dang-ky-ket-hon', 'dvc-2.000003'], removed: ['dvc-1.000894'] });
    expect(retriever.getDocument('dvc-1.000894')?.id).toBe('dang-ky-ket-hon');
  });

  it('answers like a retriever built from scratch after a series of edits', async () => {
    const retriever = new Retriever({ entries, synonyms, thresholds });
    let current = revise(entries, 'dvc-2.000003', () => ({ aliases: { vi: ['làm hộ chiếu'], en: ['passport'] } }));
    retriever.updateEntries(current);
    current = revise(current, 'dvc-2.000002', () => ({ status: 'draft' }));
    retriever.updateEntries(current);
    current = revise(current, 'dang-ky-dat-dai-lan-dau', (e) => ({ aliases: { vi: [...e.aliases.vi, 'làm bìa hồng'], en: e.aliases.en } }));
    retriever.updateEntries(current);
    const fresh = new Retriever({ entries: current, synonyms, thresholds });
    const questions = ['dang ky khai sinh cho con', 'làm passport ở đâu', 'cap giay phep xay dung', 'xin cấp bìa hồng', 'tôi muốn lấy vợ', 'thời tiết hôm nay thế nào'];
    for (const q of questions) {
      const [a, b] = [await retriever.search(q, 5), await fresh.search(q, 5)];
      expect(a.results.map((r) => r.id), q).toEqual(b.results.map((r) => r.id));
      expect(a.answerable, q).toBe(b.answerable);
    }
  });
});
