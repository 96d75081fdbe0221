import { describe, expect, it } from 'vitest';
import { deferSynthesizer } from '../../../src/speech/synth/deferred.js';
import type { Synthesizer } from '../../../src/speech/index.js';

/** A synthesizer that counts how often it was created and echoes its input. */
function buildCountingSynthesizer() {
  let created = 0;
  const create = (): Synthesizer => {
    created++;
    return { synthesize: async (text) => new TextEncoder().encode(text), close: async () => undefined };
  };
  return { create, created: () => created };
}

describe('deferSynthesizer', () => {
  it('creates nothing until started, then exactly once', async () => {
    const counting = buildCountingSynthesizer();
    const deferred = deferSynthesizer(counting.create);
    expect(counting.created()).toBe(0);
    deferred.start();
    deferred.start();
    expect(new TextDecoder().decode(await deferred.synthesize('xin chào', 'north'))).toBe('xin chào');
    expect(counting.created()).toBe(1);
  });

  it('is created by a synthesis that comes before start, and closes without ever starting', async () => {
    const counting = buildCountingSynthesizer();
    await deferSynthesizer(counting.create).close();
    expect(counting.created()).toBe(0);
    const early = deferSynthesizer(counting.create);
    await early.synthesize('a', 'south');
    early.start();
    expect(counting.created()).toBe(1);
  });
});
