import { describe, expect, it } from 'vitest';
import { detectAspect, detectAspects, type Aspect } from '../../../src/understand/index.js';

// Each aspect asked in Vietnamese with diacritics, without them (as typed at the kiosk), and in English.
const CASES: Record<Exclude<Aspect, 'general'>, string[]> = {
  documents: ['Làm giấy khai sinh cần giấy tờ gì?', 'can giay to gi', 'cần mang theo gì ạ', 'chuan bi nhung gi', 'What documents do I need?', 'what to bring'],
  fee: ['Lệ phí bao nhiêu?', 'le phi bao nhieu', 'có mất phí không', 'co mat tien khong', 'tạm trú bn tiền', 'How much does it cost?', 'is there a fee'],
  time: ['Mất bao lâu?', 'mat bao lau', 'mấy ngày thì có', 'bao gio co ket qua', 'How long does it take?'],
  where: ['Nộp ở đâu?', 'nop ho so o dau', 'cơ quan nào giải quyết', 'Where do I apply?', 'which office handles it'],
  steps: ['Các bước làm thế nào?', 'trinh tu thu tuc', 'lam ntn', 'How to register a birth?', 'what are the steps'],
  conditions: ['Điều kiện hưởng trợ cấp là gì?', 'ai duoc nhan tro cap', 'đối tượng nào', 'Am I eligible?', 'who can apply'],
  online: ['Làm trực tuyến được không?', 'lam online duoc khong', 'làm trên VNeID', 'nop qua mang', 'Can I apply online?'],
  result: ['Làm xong nhận được gì?', 'ket qua la gi', 'What do I get at the end?'],
};

describe('detectAspect', () => {
  for (const [aspect, questions] of Object.entries(CASES)) {
    it.each(questions)(`reads "%s" as ${aspect}`, (question) => {
      expect(detectAspect(question)).toBe(aspect);
    });
  }

  it.each(['đăng ký khai sinh', 'dang ky tam tru', 'birth certificate', 'I need to change my name', ''])(
    'reads "%s" as general',
    (question) => {
      expect(detectAspect(question)).toBe('general');
    },
  );

  it('lets a clear aspect win over a weak hint ("hồ sơ", "được không", "online")', () => {
    expect(detectAspect('nộp hồ sơ ở đâu')).toBe('where');
    expect(detectAspect('làm online thì lệ phí bao nhiêu')).toBe('fee');
    expect(detectAspect('lệ phí thế nào')).toBe('fee');
    expect(detectAspect('bao giờ có kết quả')).toBe('time');
  });

  it('tolerates a typo in a long English word but not a look-alike short one', () => {
    expect(detectAspect('documnets needed')).toBe('documents');
    expect(detectAspect('elegibility rules')).toBe('conditions');
    expect(detectAspect('is anything there')).toBe('general');
    expect(detectAspect('change of name')).toBe('general');
  });
});

describe('detectAspects', () => {
  it('lists every aspect asked, in order of appearance', () => {
    expect(detectAspects('thời gian bao lâu và lệ phí bao nhiêu')).toEqual(['time', 'fee']);
    expect(detectAspects('what documents, and how much is the fee?')).toEqual(['documents', 'fee']);
  });

  it('drops weak hints when a clear aspect is asked, and says general when nothing is', () => {
    expect(detectAspects('nộp hồ sơ ở đâu')).toEqual(['where']);
    expect(detectAspects('khai sinh')).toEqual(['general']);
  });
});
