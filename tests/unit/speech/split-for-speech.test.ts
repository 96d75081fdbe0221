import { describe, expect, it } from 'vitest';
import { splitForSpeech } from '../../../src/speech/split-for-speech.js';

describe('splitForSpeech', () => {
  it('keeps a short answer whole', () => {
    expect(splitForSpeech('Lệ phí 50.000 đồng.')).toEqual(['Lệ phí 50.000 đồng.']);
  });

  it('cuts at sentence and paragraph ends, never over the limit', () => {
    const text = 'Câu một rất dài về thủ tục. '.repeat(20) + '\n\n- Giấy tờ: CCCD\n- Tờ khai';
    const pieces = splitForSpeech(text, 100);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('cuts a sentence without ends at commas or spaces', () => {
    const pieces = splitForSpeech(`${'từ '.repeat(200)}cuối`, 50);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(50);
    expect(pieces.at(-1)).toMatch(/cuối$/);
  });

  it('drops pieces with nothing to say', () => {
    expect(splitForSpeech('---\n\n***')).toEqual([]);
  });
});
