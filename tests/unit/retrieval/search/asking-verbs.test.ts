import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SynonymsFileSchema } from '../../../../src/knowledge/schema.js';
import { buildCorpus } from '../../../../src/retrieval/corpus/build-corpus.js';
import { LexicalIndex } from '../../../../src/retrieval/lexical/lexical-index.js';
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
    // …while "mất" meaning lost still finds what mends a lost paper: a copy of the extract while the register keeps
    // it, re-registration when the register is gone too (Decree 123/2015).
    expect(await top('mất giấy khai sinh thì làm sao')).toBe('cap-ban-sao-trich-luc-ho-tich');
    expect(await top('bị mất giấy khai sinh làm lại mất bao lâu')).toBe('cap-ban-sao-trich-luc-ho-tich');
    expect(await top('mất giấy khai sinh, sổ gốc ở xã cũng không còn, làm lại mất bao lâu')).toBe('dang-ky-khai-sinh-lai');
  });
});

describe('"trên VNeID", "qua VNeID"', () => {
  it('name the channel, not the e-ID account procedure: the word weighs nothing there', async () => {
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
    const lexical = new LexicalIndex(buildCorpus(await loadCuratedEntries()).documents, synonyms);
    const weightOf = (q: string) => lexical.analyzeQuery(q).terms.filter((t) => t.term === 'vneid').reduce((sum, t) => sum + t.weight, 0);
    expect(weightOf('muốn làm thẻ căn cước cho bé, làm online trên VNeID được không')).toBe(0);
    expect(weightOf('đăng ký căn cước cho con qua vneid xong rồi')).toBe(0);
    // The account itself is still asked for by its name.
    expect(weightOf('làm tài khoản VNeID mức 2 ở đâu')).toBeGreaterThan(0);
  });

  it('do not expand to the account\'s name ("định danh điện tử") either', async () => {
    const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
    const lexical = new LexicalIndex(buildCorpus(await loadCuratedEntries()).documents, synonyms);
    const expands = (q: string) => lexical.analyzeQuery(q).terms.some((t) => t.term === 'dinh_danh');
    expect(expands('đã đăng ký căn cước cho cháu trên VNeID rồi, giờ ra công an lấy vân tay ở đâu')).toBe(false);
    expect(expands('vneid bị khóa thì làm sao')).toBe(true);
  });
});
