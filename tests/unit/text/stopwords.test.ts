import { describe, expect, it } from 'vitest';
import { analyze, isStopword, stopwords } from '../../../src/text/index.js';

describe('stopwords', () => {
  it('holds folded Vietnamese filler and English function words', () => {
    for (const word of ['thu_tuc', 'toi', 'muon', 'can', 'gi', 'nhu_the_nao', 'o_dau', 'cho', 'hoi', 'a', 'vay']) {
      expect(stopwords.has(word), word).toBe(true);
    }
    for (const word of ['nhe', 'xin', 'la', 'lam_sao', 'the', 'an', 'i', 'to', 'do', 'how', 'what', 'my', 'is']) {
      expect(stopwords.has(word), word).toBe(true);
    }
  });

  it('holds only folded terms', () => {
    for (const word of stopwords) expect(word).toMatch(/^[a-z_]+$/);
  });
});

describe('isStopword', () => {
  it('accepts terms with marks, spaces, capitals or the exact prefix', () => {
    expect(isStopword('như thế nào')).toBe(true);
    expect(isStopword('Thủ tục')).toBe(true);
    expect(isStopword('=thủ_tục')).toBe(true);
    expect(isStopword('ạ')).toBe(true);
    expect(isStopword('What')).toBe(true);
  });

  it('rejects content words and empty input', () => {
    expect(isStopword('ket_hon')).toBe(false);
    expect(isStopword('khai')).toBe(false);
    expect(isStopword('cccd')).toBe(false);
    expect(isStopword('')).toBe(false);
    expect(isStopword('  ')).toBe(false);
  });

  it('is not applied by analyze', () => {
    expect(analyze('thủ tục như thế nào').unigrams).toEqual(['thu', 'tuc', 'nhu', 'the', 'nao']);
  });
});

describe('stopwords that would hide content', () => {
  it('keeps negation and words that fold onto document words', () => {
    expect(isStopword('không')).toBe(false);
    expect(isStopword('bản')).toBe(false);
    expect(isStopword('vắng')).toBe(false);
  });
});
