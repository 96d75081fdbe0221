import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SynonymsFileSchema } from '../../../../src/knowledge/schema.js';
import { DEFAULT_THRESHOLDS, Retriever } from '../../../../src/retrieval/search/index.js';
import { loadCuratedEntries } from '../../../helpers/chat-server.js';

describe('"mất / hết / tốn" asking how much or how long', () => {
  it('are not read as "lost" or "expired" when an amount word follows', async () => {
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
    const retriever = new Retriever({ entries: await loadCuratedEntries(), synonyms, thresholds: DEFAULT_THRESHOLDS });
    const top = async (q: string) => (await retriever.search(q, 3)).results[0]?.id;
    const ranks = async (q: string) => (await retriever.search(q, 10)).results.map((r) => r.id);
    // Without "mất" these rank birth registration above re-registration; "mất bao nhiêu" must not turn that round.
    for (const q of ['khai sinh mất bao nhiêu tiền', 'khai sinh mat bao nhieu tien', 'đăng ký khai sinh hết bao nhiêu tiền']) {
      const ids = await ranks(q);
      expect(ids.indexOf('dang-ky-khai-sinh'), q).toBeLessThan(ids.indexOf('dang-ky-khai-sinh-lai'));
    }
    expect(await top('đăng ký kết hôn tốn mấy ngày')).toBe('dang-ky-ket-hon');
    // …while "mất" meaning lost still finds the re-registration.
    expect(await top('mất giấy khai sinh thì làm sao')).toBe('dang-ky-khai-sinh-lai');
    expect(await top('bị mất giấy khai sinh làm lại mất bao lâu')).toBe('dang-ky-khai-sinh-lai');
  });
});
