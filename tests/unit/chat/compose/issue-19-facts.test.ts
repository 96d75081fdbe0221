import { describe, expect, it } from 'vitest';
import { composeAnswer, composeChoices, detectAspectBesides, type Aspect } from '../../../../src/chat/compose/index.js';
import type { Entry } from '../../../../src/knowledge/schema.js';
import { Retriever } from '../../../../src/retrieval/search/index.js';
import { findNationalCodes, foldOfficialName } from '../../../../src/retrieval/search/code-lookup.js';
import { importIssue19Entry, readIssue19Records } from '../../../helpers/issue-19-records.js';
import { loadCurated, realWard } from './support.js';

// Each class of defect of issue 19, on the real records the fact-check named (tests/fixtures/issue-19/records.jsonl).
const ward = realWard();
const answer = (entry: Entry, aspect: Aspect) => composeAnswer({ entry, aspect, language: 'vi', ward }).text;

describe('where to file (issue 19)', () => {
  it('1.010092: the competent authority is not presented as the place that receives the file', () => {
    const text = answer(importIssue19Entry('1.010092'), 'where');
    expect(text).not.toMatch(/Nơi tiếp nhận hồ sơ: Chủ tịch/u);
    expect(text).toContain('Cơ quan có thẩm quyền giải quyết: Chủ tịch ủy ban nhân dân cấp tỉnh.');
    expect(text).toContain('không ghi tên cơ quan tiếp nhận');
    // The record's own filing step says where the file goes, quoted word for word.
    expect(text).toMatch(/Trình tự thực hiện ghi: “Bước 1: .*gửi đến Ủy ban nhân dân cấp xã/u);
  });

  it('1.000005: a customs procedure received by the customs office gets no ward desk card', () => {
    const text = answer(importIssue19Entry('1.000005'), 'where');
    expect(text).toContain('Nơi tiếp nhận hồ sơ: Chi cục Hải quan khu vực.');
    expect(text).toContain('không nộp tại bộ phận một cửa của phường');
    expect(text).not.toContain(ward.address);
    expect(text).not.toMatch(/Bộ phận một cửa: /u);
  });

  it('1.014062: the commune police receives the file, so the ward desk card is shown', () => {
    const text = answer(importIssue19Entry('1.014062'), 'where');
    expect(text).toContain('Nơi tiếp nhận hồ sơ: Công an cấp Xã.');
    expect(text).toContain(ward.address);
  });

  it('mentions forwarding (liên thông) only when the record does', () => {
    for (const code of ['1.010092', '1.000005', '1.014979']) expect(answer(importIssue19Entry(code), 'where')).not.toMatch(/liên thông/iu);
  });
});

describe('times (issue 19)', () => {
  it.each([
    ['2.001263', '15 ngày kể từ ngày được lấy ý kiến'],
    ['1.003956', '33 ngày làm việc'],
    ['1.004680', '07 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ trong trường hơp cần kiểm tra thực tế'],
  ])('%s: a time written only in the channel description is read, word for word', (code, words) => {
    const text = answer(importIssue19Entry(code), 'time');
    expect(text).not.toContain('chưa ghi thời hạn');
    expect(text).toContain(words);
    expect(text).toContain('trích nguyên văn');
  });

  it('1.014979: each time is given with the case it is for', () => {
    const lines = answer(importIssue19Entry('1.014979'), 'time').split('\n');
    expect(lines).toContain('Nộp trực tiếp (Đối với hồ sơ thuộc diện hoàn thuế trước): 6 ngày làm việc.');
    expect(lines).toContain('Nộp trực tiếp (Đối với hồ sơ thuộc diện kiểm tra trước hoàn thuế): 40 ngày.');
    expect(lines.filter((line) => /: (6 ngày làm việc|40 ngày)\.$/u.test(line)).every((line) => line.includes('Đối với'))).toBe(true);
  });
});

describe('documents (issue 19)', () => {
  it('1.003956: "1 bản chính,1 bản sao" is shown as the record says, never "hoặc"', () => {
    const entry = importIssue19Entry('1.003956');
    expect(entry.documents.every((d) => d.copy === 'original-and-copy' && d.quantity === 1 && d.copies === 1)).toBe(true);
    const text = answer(entry, 'documents');
    expect(text).toContain('1 bản chính, 1 bản sao');
    expect(text).not.toContain('hoặc bản sao');
  });

  it('1.002548: "Lưu ý" rows are notes under a paper, not papers of their own', () => {
    const entry = importIssue19Entry('1.002548');
    expect(entry.documents.some((d) => /^Lưu ý/u.test(d.name))).toBe(false);
    expect(entry.documents.some((d) => d.note?.includes('Lưu ý'))).toBe(true);
    expect(answer(entry, 'documents')).not.toMatch(/^\d+\. Lưu ý/mu);
  });

  it('6.005678: a glued form file name is not part of a document name', () => {
    const entry = importIssue19Entry('6.005678');
    expect(entry.documents.some((d) => /\.docx?\b/u.test(d.name))).toBe(false);
    expect(entry.documents.some((d) => d.form?.endsWith('.docx'))).toBe(true);
  });

  it('no document name keeps a "+" bullet or asks for "0 bản"', () => {
    for (const code of readIssue19Records().keys()) {
      const entry = importIssue19Entry(code);
      expect(entry.documents.filter((d) => /^\+/u.test(d.name))).toEqual([]);
      expect(answer(entry, 'documents')).not.toMatch(/\b0 bản/u);
    }
  });

  it('1.014062: the documents are the record\'s only, nothing taken from its steps', () => {
    const entry = importIssue19Entry('1.014062');
    expect(entry.documents.map((d) => d.name).join('\n')).not.toContain('Thẻ Căn cước công dân hoặc thẻ căn cước cũ');
  });
});

describe('the asked aspect (issue 19)', () => {
  it.each(['2.001428', '1.004772'])('%s: a name holding "Quy trình" or "giấy tờ" does not decide the aspect', (code) => {
    const { title } = importIssue19Entry(code);
    expect(detectAspectBesides(`${title.vi} lệ phí bao nhiêu`, [title.vi])).toBe('fee');
    expect(detectAspectBesides(title.vi, [title.vi])).toBe('general');
  });
});

describe('reaching a procedure (issue 19)', () => {
  const entries = [...readIssue19Records().keys()].map(importIssue19Entry);
  const retriever = new Retriever({ entries, synonyms: [] });
  const twins = ['1.014208', '2.001709', '3.000224'].map(importIssue19Entry);

  it('reads national codes as people type them', () => {
    expect(findNationalCodes('thủ tục 1.001193')).toEqual(['1.001193']);
    expect(findNationalCodes('mã 1.004194, còn 1.004194 nữa')).toEqual(['1.004194']);
    expect(findNationalCodes('giá 11.001193 hay 1.0011934')).toEqual([]);
  });

  it('finds a procedure by its national code, anywhere in the question', async () => {
    for (const query of ['1.010092', 'thủ tục 1.010092', 'thủ tục 1.010092 cần giấy tờ gì']) {
      const response = await retriever.search(query, 5);
      expect(response.results[0]?.id).toBe('dvc-1.010092');
      expect(response.answerable).toBe(true);
    }
  });

  it('finds a procedure by its exact official name, and puts identical names first together', async () => {
    const exact = await retriever.search(importIssue19Entry('1.014979').title.vi, 5);
    expect(exact.results[0]?.id).toBe('dvc-1.014979');
    const twin = await retriever.search('Hỗ trợ phát triển sản xuất cộng đồng', 5);
    expect(twin.results.slice(0, 3).map((r) => r.id).sort()).toEqual(twins.map((t) => t.id).sort());
    expect(twin.evidence.margin).toBe(1);
    expect(foldOfficialName('Thủ tục Hỗ trợ phát triển sản xuất cộng đồng.')).toBe(foldOfficialName(twins[0]!.title.vi));
  });

  it('never offers two identical labels for records of the same name', () => {
    const { choices } = composeChoices(twins, 'vi');
    expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
    expect(choices.every((c) => c.label.startsWith('Hỗ trợ phát triển sản xuất cộng đồng.'))).toBe(true);
  });
});

describe('curated entries reconciled with their records (issue 19)', () => {
  const say = (id: string, codes: string[], aspect: Aspect) =>
    composeAnswer({ entry: loadCurated(id), folded: codes.map(importIssue19Entry), aspect, language: 'vi', ward }).text;

  it('birth registration (1.001193) lists the papers of the record\'s special cases', () => {
    const text = say('dang-ky-khai-sinh', ['1.001193'], 'documents');
    expect(text).toContain('trẻ em bị bỏ rơi');
    expect(text).toContain('mang thai hộ');
    expect(text).toContain('Giấy tờ có giá trị chứng minh thông tin về cư trú');
    expect(text).not.toContain('Danh sách trên là tóm tắt');
  });

  it('temporary residence (1.004194) keeps the record\'s case and both counts of its list paper', () => {
    const text = say('dang-ky-tam-tru', ['1.004194'], 'documents');
    expect(text).toContain('Đăng ký tạm trú tại nơi đơn vị đóng quân');
    expect(text).toMatch(/danh sách người tạm trú.* — 1 bản chính, 1 bản sao/u);
  });

  it('a curated answer that lists fewer papers than its record links the full official list', () => {
    const record = importIssue19Entry('1.004194');
    const entry = { ...loadCurated('dang-ky-tam-tru'), documents: loadCurated('dang-ky-tam-tru').documents.slice(0, 2) };
    const text = composeAnswer({ entry, folded: [record], aspect: 'documents', language: 'vi' }).text;
    expect(text).toContain(`Xem đầy đủ thành phần hồ sơ chính thức (kể cả các trường hợp riêng):\n- ${record.title.vi}: ${record.url}`);
  });

  it('identity card: no paper taken from the steps', () => {
    expect(loadCurated('cap-the-can-cuoc').documents.map((d) => d.name).join('\n')).not.toContain('thẻ căn cước cũ');
  });
});
