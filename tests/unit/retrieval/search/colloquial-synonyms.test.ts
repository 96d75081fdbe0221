import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SynonymsFileSchema } from '../../../../src/knowledge/schema.js';
import { buildCorpus } from '../../../../src/retrieval/corpus/build-corpus.js';
import { LexicalIndex } from '../../../../src/retrieval/lexical/lexical-index.js';
import { loadCuratedEntries } from '../../../helpers/chat-server.js';

// Everyday words that reach an official term through knowledge/synonyms.yaml, and the look-alikes that must not.
async function expander(term: string) {
  const synonyms = SynonymsFileSchema.parse(parse(await readFile(path.resolve('knowledge/synonyms.yaml'), 'utf8'))).synonyms;
  const lexical = new LexicalIndex(buildCorpus(await loadCuratedEntries()).documents, synonyms);
  return (q: string) => lexical.analyzeQuery(q).terms.some((t) => t.term === term);
}

describe('a border area', () => {
  it('is the border-area procedures\' "khu vực biên giới"; a visa "border run" is not', async () => {
    const expands = await expander('bien_gioi');
    expect(expands('My fiancée lives in a border commune, can we marry there?')).toBe(true);
    expect(expands('nhà em ở xã biên giới, lấy chồng bên kia thì đăng ký kết hôn ở đâu')).toBe(true);
    expect(expands('nhà em đất giáp biển, muốn làm sổ đỏ')).toBe(false);
    expect(expands('I want to stay long term without border runs')).toBe(false);
  });
});

describe('a disability named by what it is', () => {
  it('is "khuyết tật"; "bị cấm" and "tự ký" are not', async () => {
    const expands = await expander('khuyet_tat');
    expect(expands('be nha em bi cam diec bam sinh, duoc huong che do gi')).toBe(true);
    expect(expands('con tôi bị bại não từ nhỏ thì được trợ cấp gì')).toBe(true);
    expect(expands('My son is deaf, what support can he get?')).toBe(true);
    expect(expands('đất này bị cấm xây dựng à')).toBe(false);
    expect(expands('hợp đồng tôi tự ký có được không')).toBe(false);
    expect(expands('xe bị tạm giữ ở bãi nào thì đến lấy')).toBe(false);
  });
});

describe('papers named by their use', () => {
  it('a low-income certificate, a mortgage released, a stepchild adopted', async () => {
    expect((await expander('lao_dong'))('dự án nhà ở xã hội đòi giấy xác nhận thu nhập thấp, xin ở đâu')).toBe(true);
    expect((await expander('bao_dam'))('trả hết nợ rồi, giờ giải chấp sổ đỏ thế nào')).toBe(true);
    expect((await expander('con_rieng'))('Can I adopt my stepdaughter?')).toBe(true);
    expect((await expander('con_rieng'))('I want to adopt an orphan')).toBe(false);
    expect((await expander('con_rieng'))('Em sống với mẹ kế, giờ muốn tách khẩu')).toBe(false);
    expect((await expander('lao_dong'))('xác nhận thu nhập để vay ngân hàng')).toBe(false);
    expect((await expander('linh_thay'))('tôi nhận thấy thông tin trên thẻ bị sai')).toBe(false);
    expect((await expander('thanh_lap'))('mở công ty cần những gì')).toBe(true);
    expect((await expander('thai_san'))('chồng đóng BHXH có được nhận trợ cấp khi vợ sinh không')).toBe(true);
    expect((await expander('thai_san'))('vợ mới sinh, làm khai sinh cho bé ở đâu')).toBe(false);
  });
});

describe('a criminal record named by its everyday words', () => {
  it('is "lý lịch tư pháp"; the land use fee ("tiền sử dụng đất") and meal money ("tiền ăn") are not', async () => {
    const expands = await expander('ly_lich');
    expect(expands('xin giấy không tiền án tiền sự ở đâu')).toBe(true);
    expect(expands('A new employer wants a police check')).toBe(true);
    expect(expands('có phải nộp thêm tiền sử dụng đất không')).toBe(false);
    expect(expands('trợ cấp tiền ăn cho người khuyết tật')).toBe(false);
  });
});
