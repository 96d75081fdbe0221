import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/chat/compose/index.js';
import type { Aspect } from '../../../src/chat/compose/types.js';
import { loadKnowledge, loadWardSettings } from '../../../src/knowledge/load.js';
import { isCatalogueEntry, type Entry, type WardSettings } from '../../../src/knowledge/schema.js';
import { createApp } from '../../../src/server/index.js';
import { createEspeakSynthesizer, createSpeechService, type SpeechService } from '../../../src/speech/index.js';
import { buildVocabularyFromEntries } from '../../../src/speech/knowledge-vocabulary.js';
import { splitForSpeech } from '../../../src/speech/split-for-speech.js';
import { buildSilentLogger } from '../../helpers/logger.js';

// The shipped knowledge base, answered the way the chat answers, spoken piece by piece the way the kiosk asks.
const KNOWLEDGE_DIR = path.resolve('knowledge');
const CURATED_ASPECTS: Aspect[] = ['general', 'documents', 'fee', 'time', 'steps'];
const ANSWERS = 200;

describe('speaking the shipped knowledge base', () => {
  const synthesizer = createEspeakSynthesizer({ workers: 2 });
  let speech: SpeechService;
  let answers: { id: string; aspect: Aspect; text: string }[] = [];
  let ward: WardSettings | undefined;

  beforeAll(async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
    ward = (await loadWardSettings(path.join(KNOWLEDGE_DIR, 'ward-settings.example.yaml'))).settings;
    const vocabulary = buildVocabularyFromEntries(knowledge.entries);
    speech = createSpeechService({ synthesizer, getVocabulary: () => vocabulary });
    const curated = knowledge.entries.filter((e) => !isCatalogueEntry(e));
    const catalogue = knowledge.entries.filter(isCatalogueEntry);
    const compose = (entry: Entry, aspect: Aspect) => ({ id: entry.id, aspect, text: composeAnswer({ entry, aspect, language: 'vi', ward }).text });
    answers = curated.flatMap((entry) => CURATED_ASPECTS.map((aspect) => compose(entry, aspect)));
    // The rest from catalogue records spread over the whole catalogue (every n-th), in their general layout.
    const needed = ANSWERS - answers.length;
    const step = Math.max(1, Math.floor(catalogue.length / Math.max(1, needed)));
    for (let i = 0; answers.length < ANSWERS && i < catalogue.length; i += step) answers.push(compose(catalogue[i]!, 'general'));
  }, 120_000);

  afterAll(() => synthesizer.close());

  it(`speaks ${ANSWERS} answers of curated and catalogue entries through GET /api/speech without error`, async () => {
    expect(answers.length).toBe(ANSWERS);
    expect(answers.some((a) => a.id.startsWith('dvc-'))).toBe(true);
    const app = createApp({ logger: buildSilentLogger(), getHealth: () => ({ status: 'ok' }), getSearch: () => undefined, getSpeech: () => speech, speechRequestsPerMinutePerIp: 100_000 });
    const failures: string[] = [];
    let pieces = 0;
    let seconds = 0;
    // Two answers at a time, like two kiosks; each answer's pieces in order, like one kiosk playing them.
    const queue = [...answers];
    const speakNext = async (): Promise<void> => {
      for (let answer = queue.shift(); answer; answer = queue.shift()) {
        for (const piece of splitForSpeech(answer.text)) {
          pieces++;
          const spoken = speech.normalize(piece);
          if (/\d/.test(spoken)) failures.push(`${answer.id}/${answer.aspect}: digits left in "${spoken}"`);
          const res = await app.request(`http://localhost/api/speech?text=${encodeURIComponent(piece)}&voice=north`);
          const wav = Buffer.from(await res.arrayBuffer());
          if (res.status !== 200 || wav.subarray(0, 4).toString('latin1') !== 'RIFF' || wav.length <= 44) {
            failures.push(`${answer.id}/${answer.aspect}: ${res.status}`);
          } else {
            seconds += (wav.length - 44) / wav.readUInt32LE(28);
          }
        }
      }
    };
    await Promise.all([speakNext(), speakNext()]);
    expect(failures).toEqual([]);
    expect(pieces).toBeGreaterThanOrEqual(ANSWERS);
    expect(seconds).toBeGreaterThan(ANSWERS); // more than a second of speech per answer on average
  }, 600_000);
});
