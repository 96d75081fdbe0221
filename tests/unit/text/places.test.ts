import { describe, expect, it } from 'vitest';
import { analyze, withoutPlaces } from '../../../src/text/index.js';
import { understand } from '../../../src/understand/index.js';

describe('withoutPlaces', () => {
  it('takes out the provinces, cities and districts a citizen names, typed with or without marks', () => {
    expect(withoutPlaces('I have lived in Bac Ninh for 8 months')).not.toMatch(/bac|ninh/i);
    expect(withoutPlaces('Tôi ở phường Cầu Giấy, Hà Nội, cần làm giấy tờ gì')).not.toMatch(/giấy,|hà nội/i);
    expect(withoutPlaces('nhà em ở hoang mai, bố mất tuần trước')).toContain('bố mất');
    expect(withoutPlaces('nhà em ở hoang mai, bố mất tuần trước')).not.toContain('hoang mai');
  });

  it('keeps words that only look like a place: marks that differ, or a common phrase typed without marks', () => {
    expect(withoutPlaces('thuê hai phòng trọ ở Hải Phòng')).toBe('thuê hai phòng trọ ở  , ');
    expect(withoutPlaces('diễn biến hồ sơ thế nào')).toBe('diễn biến hồ sơ thế nào');
    expect(withoutPlaces('dien bien ho so the nao')).toBe('dien bien ho so the nao');
    expect(withoutPlaces('con tôi là tân binh năm nay')).toBe('con tôi là tân binh năm nay');
    // "Việt Nam định cư" is no Nam Định; "đã nâng cấp", "cả mẫu" typed without marks are no Đà Nẵng, Cà Mau.
    expect(withoutPlaces('Tôi là người Việt Nam định cư ở Mỹ')).toBe('Tôi là người Việt Nam định cư ở Mỹ');
    expect(withoutPlaces('nguoi viet nam dinh cu o nuoc ngoai')).toBe('nguoi viet nam dinh cu o nuoc ngoai');
    expect(withoutPlaces('vneid da nang cap len muc 2')).toBe('vneid da nang cap len muc 2');
    expect(withoutPlaces('cho em xin ca mau to khai')).toBe('cho em xin ca mau to khai');
  });

  it('leaves no phrase across where the place stood, and retrieval reads the message without it', () => {
    expect(analyze(withoutPlaces('sống ở Bắc Ninh nhận con nuôi')).bigrams).not.toContain('ninh_nhan');
    const clause = understand('I have lived in Bac Ninh for 8 months. Can I get a police check here?').clauses[0];
    expect(clause?.analyzed?.folded).not.toContain('bac');
  });
});
