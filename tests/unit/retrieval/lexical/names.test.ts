import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../../../src/retrieval/lexical/lexical-index.js';
import type { SearchDocument } from '../../../../src/retrieval/corpus/build-corpus.js';
import { isActionWord, namesOnlyAnAction } from '../../../../src/understand/index.js';

// Only the fields the lexical index reads; the entry itself is not needed to rank.
function doc(id: string, title: string, aliases: string[] = []): SearchDocument {
  return { id, hash: id, entry: {} as SearchDocument['entry'], folded: [], fields: { title: [title], aliases, official: [], summary: [], body: [] }, chunks: [] };
}

describe('names of a procedure and what they act on (docs/retrieval.md)', () => {
  it('tells action words from object words', () => {
    expect(namesOnlyAnAction(['sang', 'ten'])).toBe(true);
    expect(namesOnlyAnAction(['dang', 'ky', 'moi'])).toBe(true);
    expect(namesOnlyAnAction(['cap', 'bien', 'so'])).toBe(false);
    for (const word of ['giay', 'the', 'thua', 'phep']) expect(isActionWord(word), word).toBe(false);
  });

  it('does not count a title part that names only an action, nor a name shared in its action words only', () => {
    const index = new LexicalIndex(
      [
        doc('xe', 'Đăng ký xe (xe máy) — đăng ký mới, cấp biển số, sang tên', ['đăng ký sang tên xe']),
        doc('dat', 'Đăng ký biến động quyền sử dụng đất do thừa kế, tặng cho'),
      ],
      [],
    );
    const hits = index.search(index.analyzeQuery('bà ngoại để lại đất, mẹ em đi đăng ký sang tên ở đâu'), 5);
    expect(hits.find((h) => h.id === 'xe')).toMatchObject({ nameMatch: 0, titleRecall: 0 });
    const vehicle = index.search(index.analyzeQuery('mua xe máy cũ thì đăng ký sang tên xe ở đâu'), 5);
    expect(vehicle.find((h) => h.id === 'xe')?.nameMatch).toBe(1);
  });

  it('takes no name from what a title says in brackets: it qualifies the procedure', () => {
    const title = 'Xét hưởng trợ cấp một lần đối với người không có thân nhân chủ yếu (vợ hoặc chồng; bố nuôi, mẹ nuôi; con nuôi hợp pháp) phải trực tiếp nuôi dưỡng';
    const index = new LexicalIndex([doc('tro-cap', title), doc('con-nuoi', 'Đăng ký việc nuôi con nuôi trong nước')], []);
    const hits = index.search(index.analyzeQuery('bố mẹ bé nghèo không nuôi nổi, chúng tôi muốn nhận con nuôi thì làm thủ tục gì'), 5);
    // "mẹ nuôi" in the brackets would otherwise be a whole name found in the question ("bố mẹ bé", "nuôi").
    expect(hits.find((h) => h.id === 'tro-cap')?.nameMatch).toBeLessThan(0.5);
  });

  it('holds a name\'s word only in its own marks when the question is typed with marks, in any form when without', () => {
    const index = new LexicalIndex([doc('bien-so', 'Cấp biển số xe', ['cấp biển số', 'cap bien so']), doc('dat', 'Đăng ký biến động đất đai')], []);
    const marked = index.search(index.analyzeQuery('đăng ký biến động đất thì hồ sơ gồm gì'), 5);
    expect(marked.find((h) => h.id === 'bien-so')).toMatchObject({ nameMatch: 0, titleRecall: 0 });
    const unmarked = index.search(index.analyzeQuery('cap bien so xe may o dau'), 5);
    expect(unmarked.find((h) => h.id === 'bien-so')?.nameMatch).toBe(1);
    const mixed = index.search(index.analyzeQuery('xin cấp bien so xe'), 5);
    expect(mixed.find((h) => h.id === 'bien-so')?.nameMatch).toBe(1);
  });
});

describe('a name said outright', () => {
  it('is a name of two words or more held word for word, not its words scattered over a story', () => {
    const index = new LexicalIndex([doc('luu-tru', 'Thông báo lưu trú', ['báo công an có khách ở nhờ'])], []);
    expect(index.namesOutright('luu-tru', 'nha co khach o nho thi thong bao luu tru o dau')).toBe(true);
    expect(index.namesOutright('luu-tru', 'bi lua chuyen khoan roi thi bao cong an hay khieu nai o dau co khach hang noi')).toBe(false);
  });
});
