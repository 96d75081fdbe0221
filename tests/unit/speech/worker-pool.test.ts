import { describe, expect, it } from 'vitest';
import { createEspeakSynthesizer } from '../../../src/speech/index.js';

describe('createEspeakSynthesizer', () => {
  it('abandons a synthesis past its time limit with speech_failed, replaces the worker and keeps serving', async () => {
    const slow = createEspeakSynthesizer({ timeoutMs: 1 });
    await expect(slow.synthesize('xin chào', 'north')).rejects.toMatchObject({ code: 'speech_failed', status: 500 });
    await slow.close();
    const synthesizer = createEspeakSynthesizer();
    const wav = await synthesizer.synthesize('xin chào', 'north');
    expect(Buffer.from(wav.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    await synthesizer.close();
  });

  it('queues more texts than workers and answers each with its own audio', async () => {
    const synthesizer = createEspeakSynthesizer({ workers: 2 });
    const texts = ['một', 'một hai ba bốn năm sáu bảy tám chín mười', 'hai'];
    const wavs = await Promise.all(texts.map((t) => synthesizer.synthesize(t, 'south')));
    expect(wavs[1]!.length).toBeGreaterThan(wavs[0]!.length * 2);
    await synthesizer.close();
    await expect(synthesizer.synthesize('sau khi đóng', 'north')).rejects.toMatchObject({ code: 'speech_failed' });
  });
});
