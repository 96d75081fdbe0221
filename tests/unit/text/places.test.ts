import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/text/index.js';
import { understand } from '../../../src/understand/index.js';

// What retrieval reads of a message: its words without the places it names.
const read = (text: string) => analyze(text, { withoutPlaces: true }).folded.join(' ');

describe('analyze without places', () => {
  it('leaves out the provinces, cities and districts a citizen names, typed with or without marks', () => {
    expect(read('I have lived in Bac Ninh for 8 months')).toBe('i have lived in for 8 month');
    expect(read('Tôi ở phường Cầu Giấy, Hà Nội, cần làm giấy tờ gì')).toBe('toi o phuong can lam giay to gi');
    expect(read('nhà em ở hoang mai, bố mất tuần trước')).toBe('nha em o bo mat tuan truoc');
  });

  it('keeps words that only look like a place: marks that differ, or a common phrase typed without marks', () => {
    expect(read('thuê hai phòng trọ ở Hải Phòng')).toBe('thue hai phong tro o');
    expect(read('diễn biến hồ sơ thế nào')).toBe('dien bien ho so the nao');
    expect(read('dien bien ho so the nao')).toBe('dien bien ho so the nao');
    expect(read('con tôi là tân binh năm nay')).toBe('con toi la tan binh nam nay');
    // "Việt Nam định cư" is no Nam Định; "đã nâng cấp", "cả mẫu" typed without marks are no Đà Nẵng, Cà Mau.
    expect(read('Tôi là người Việt Nam định cư ở Mỹ')).toBe('toi la nguoi viet nam dinh cu o my');
    expect(read('nguoi viet nam dinh cu o nuoc ngoai')).toBe('nguoi viet nam dinh cu o nuoc ngoai');
    expect(read('vneid da nang cap len muc 2')).toBe('vneid da nang cap len muc 2');
    expect(read('cho em xin ca mau to khai')).toBe('cho em xin ca mau to khai');
  });

  it('leaves no phrase across where the place stood, and retrieval reads the message without it', () => {
    expect(analyze('sống ở Bắc Ninh nhận con nuôi', { withoutPlaces: true }).bigrams).not.toContain('o_nhan');
    expect(analyze('sống ở Bắc Ninh nhận con nuôi').bigrams).toContain('ninh_nhan');
    const clause = understand('I have lived in Bac Ninh for 8 months. Can I get a police check here?').clauses[0];
    expect(clause?.analyzed?.folded).not.toContain('bac');
  });
});
