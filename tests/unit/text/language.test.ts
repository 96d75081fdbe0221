import { describe, expect, it } from 'vitest';
import { detectLanguage, isVietnameseLikely, scoreLanguage } from '../../../src/text/index.js';

describe('detectLanguage', () => {
  it.each([
    'lam so do lan dau',
    'dang ky tam tru',
    'CCCD',
    'thu tuc xin giay phep xay dung',
    'cho e hoi can giay to gi',
    'lam the can cuoc o dau',
    'dk ket hon can nhung gi',
    'bao nhieu tien',
    'lam sao de tach ho khau',
    'Đăng ký khai sinh cho con',
    'phí bao nhiêu?',
    'ct01',
    '',
    '   ',
    '?!',
  ])('%j → vi', (text) => {
    expect(detectLanguage(text)).toBe('vi');
  });

  it.each([
    'Register a marriage',
    "I'm renting a room, do I need to register?",
    'How do I register temporary residence in Phuong Ben Thanh?',
    'What documents do I need for a birth certificate?',
    'Where is the ward office?',
    'Hello',
    'I lost my ID card',
  ])('%j → en', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });
});

describe('isVietnameseLikely', () => {
  it('agrees with detectLanguage', () => {
    expect(isVietnameseLikely('lam so do lan dau')).toBe(true);
    expect(isVietnameseLikely('Register a marriage')).toBe(false);
    expect(isVietnameseLikely('')).toBe(true);
  });
});

describe('scoreLanguage', () => {
  it('counts diacritics as strong evidence for Vietnamese', () => {
    expect(scoreLanguage('đăng ký').vi).toBeGreaterThanOrEqual(2);
    expect(scoreLanguage('đăng ký').en).toBe(0);
  });

  it('counts English contractions', () => {
    expect(scoreLanguage("don't").en).toBeGreaterThan(0);
  });
});
