import { describe, expect, it } from 'vitest';
import { isVietnameseSyllableShape, splitSyllable } from '../../../src/text/syllable.js';

describe('splitSyllable', () => {
  it('puts the u of qu and the i of gi + vowel into the onset', () => {
    expect(splitSyllable([...'quy'])).toEqual({ nucleusStart: 2, nucleusEnd: 3 });
    expect(splitSyllable([...'gia'])).toEqual({ nucleusStart: 2, nucleusEnd: 3 });
    expect(splitSyllable([...'gin'])).toEqual({ nucleusStart: 1, nucleusEnd: 2 });
  });

  it('rejects words that cannot be one syllable', () => {
    expect(splitSyllable([...'cccd'])).toBeNull();
    expect(splitSyllable([...'piano'])).toBeNull();
  });
});

describe('isVietnameseSyllableShape', () => {
  it.each(['nghieng', 'thuong', 'khuya', 'quyen', 'giuong', 'doanh'])('%s is shaped like a syllable', (word) => {
    expect(isVietnameseSyllableShape(word)).toBe(true);
  });

  it.each(['register', 'need', 'where', 'diploma', 'cccd', 'shop'])('%s is not', (word) => {
    expect(isVietnameseSyllableShape(word)).toBe(false);
  });
});
