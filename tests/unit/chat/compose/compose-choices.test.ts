import { describe, expect, it } from 'vitest';
import { composeChoices, composeFallback } from '../../../../src/chat/compose/index.js';
import { curated, loadCurated } from './support.js';

const birth = loadCurated('dang-ky-khai-sinh');
const residence = loadCurated('dang-ky-tam-tru');
const record = loadCurated('cap-phieu-ly-lich-tu-phap');
const extra = curated({ id: 'dang-ky-khai-sinh-lai', title: { vi: 'Đăng ký lại khai sinh', en: 'Re-registration of a birth' } });

describe('composeChoices', () => {
  it('asks which procedure, listing titles as choices', () => {
    const answer = composeChoices([birth, residence, birth], 'vi');
    expect(answer.text).toBe('Dạ, bạn muốn hỏi về thủ tục nào ạ?\n1. Đăng ký khai sinh\n2. Đăng ký tạm trú');
    expect(answer.choices).toEqual([
      { id: 'dang-ky-khai-sinh', label: 'Đăng ký khai sinh' },
      { id: 'dang-ky-tam-tru', label: 'Đăng ký tạm trú' },
    ]);
    expect(answer.citations).toEqual([]);
  });

  it('labels choices in English with the official Vietnamese name', () => {
    const answer = composeChoices([birth], 'en');
    expect(answer.text).toContain('Which procedure do you mean?');
    expect(answer.choices[0]?.label).toBe('Birth registration (Đăng ký khai sinh)');
  });
});

describe('composeFallback', () => {
  it('says it is unsure, suggests at most three procedures and offers an official', () => {
    const answer = composeFallback({ suggestions: [birth, residence, record, extra], language: 'vi', reason: 'unsure' });
    expect(answer.text).toContain('Có phải bạn muốn hỏi về một trong các thủ tục sau?');
    expect(answer.suggestions.map((s) => s.id)).toEqual(['dang-ky-khai-sinh', 'dang-ky-tam-tru', 'cap-phieu-ly-lich-tu-phap']);
    expect(answer.text).not.toContain('Đăng ký lại khai sinh');
    expect(answer.text.endsWith('Bạn có muốn gặp cán bộ không?')).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.handover).toBe(true);
  });

  it('declines an out-of-scope question politely, in English too', () => {
    const vi = composeFallback({ suggestions: [], language: 'vi', reason: 'out-of-scope' });
    expect(vi.text).toBe('Dạ, xin lỗi bạn, tôi chỉ hỗ trợ về thủ tục hành chính và bộ phận một cửa của phường, nên không trả lời được câu hỏi này.\n\nBạn có muốn gặp cán bộ không?');
    const en = composeFallback({ suggestions: [birth], language: 'en', reason: 'out-of-scope' });
    expect(en.text).toContain('I can only help with administrative procedures');
    expect(en.text).toContain('1. Birth registration (Đăng ký khai sinh)');
    expect(en.text).toContain('Would you like to speak with an official?');
  });
});
