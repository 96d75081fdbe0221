import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/text/index.js';

describe('normalizeText', () => {
  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Đăng ký thường trú cho người nước ngoài'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(normalizeText(nfd)).toBe(normalizeText(nfc));
    expect(normalizeText(nfd)).toBe('đăng ký thường trú cho người nước ngoài');
  });

  it('lower-cases Vietnamese capitals', () => {
    expect(normalizeText('ĐĂNG KÝ KẾT HÔN')).toBe('đăng ký kết hôn');
    expect(normalizeText('ỦY BAN NHÂN DÂN PHƯỜNG')).toBe('ủy ban nhân dân phường');
  });

  it('keeps diacritics', () => {
    expect(normalizeText('Giấy khai sinh')).toBe('giấy khai sinh');
  });

  it('turns punctuation into spaces and collapses whitespace', () => {
    expect(normalizeText('  Cho em hỏi,   làm CCCD ở đâu???  ')).toBe('cho em hỏi làm cccd ở đâu');
    expect(normalizeText('hỏi.tôi\tmuốn\n\nbiết')).toBe('hỏi tôi muốn biết');
    expect(normalizeText('"tạm trú" (KT3) - [mới]')).toBe('tạm trú kt3 mới');
  });

  it('strips emoji and symbols', () => {
    expect(normalizeText('cảm ơn ạ 🙏😊 ❤️')).toBe('cảm ơn ạ');
    expect(normalizeText('phí 100% → 50$')).toBe('phí 100 50');
  });

  it('keeps codes and numbers with a digit whole', () => {
    expect(normalizeText('Thủ tục 1.001193')).toBe('thủ tục 1.001193');
    expect(normalizeText('Mẫu CT01.')).toBe('mẫu ct01');
    expect(normalizeText('Thông tư 53/2025/TT-BCA,')).toBe('thông tư 53/2025/tt-bca');
    expect(normalizeText('phí 1,5 triệu, nộp 15/11')).toBe('phí 1,5 triệu nộp 15/11');
  });

  it('splits joined words without a digit', () => {
    expect(normalizeText('TP.HCM')).toBe('tp hcm');
    expect(normalizeText('hộ-khẩu')).toBe('hộ khẩu');
    expect(normalizeText('khai_sinh')).toBe('khai sinh');
  });

  it('drops invisible characters but treats the zero-width space as a space', () => {
    expect(normalizeText('đăng\u00adký')).toBe('đăngký');
    expect(normalizeText('\ufeffđăng\u200bký')).toBe('đăng ký');
    expect(normalizeText('đăng\u00a0ký')).toBe('đăng ký');
  });

  it('reads the Icelandic eth as đ', () => {
    expect(normalizeText('Ðăng ký')).toBe('đăng ký');
  });

  it('returns an empty string for empty, blank or punctuation-only input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText('   \n\t ')).toBe('');
    expect(normalizeText('?!... 🙏')).toBe('');
  });

  it('handles 10,000 characters quickly', () => {
    const long = 'Hoà giải tranh chấp đất đai, CT01! '.repeat(300).slice(0, 10_000);
    const started = performance.now();
    const out = normalizeText(long);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out.startsWith('hòa giải tranh chấp đất đai ct01 hòa')).toBe(true);
    expect(out).not.toMatch(/\s{2}|[,!]/);
  });
});
