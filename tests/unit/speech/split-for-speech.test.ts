import { describe, expect, it } from 'vitest';
import { splitForSpeech } from '../../../src/speech/split-for-speech.js';

describe('splitForSpeech', () => {
  it('keeps a short answer whole', () => {
    expect(splitForSpeech('Lệ phí 50.000 đồng.')).toEqual(['Lệ phí 50.000 đồng.']);
  });

  it('cuts a short first piece, then longer ones, at sentence and paragraph ends, never over the limits', () => {
    const text = 'Câu một rất dài về thủ tục. '.repeat(40) + '\n\n- Giấy tờ: CCCD\n- Tờ khai';
    const pieces = splitForSpeech(text, { firstChars: 100, maxChars: 300 });
    expect(pieces[0]!.length).toBeLessThanOrEqual(100);
    expect(pieces[1]!.length).toBeGreaterThan(200);
    for (const piece of pieces.slice(1)) expect(piece.length).toBeLessThanOrEqual(300);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('by default starts with at most 250 characters and never asks for more than the route takes', () => {
    const pieces = splitForSpeech('Một câu vừa phải để đọc thử cho người dân nghe. '.repeat(60));
    expect(pieces[0]!.length).toBeLessThanOrEqual(250);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000);
  });

  it('cuts a sentence without ends at commas or spaces', () => {
    const pieces = splitForSpeech(`${'từ '.repeat(200)}cuối`, { firstChars: 50, maxChars: 50 });
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(50);
    expect(pieces.at(-1)).toMatch(/cuối$/);
  });

  it('drops pieces with nothing to say', () => {
    expect(splitForSpeech('---\n\n***')).toEqual([]);
  });
});
