/**
 * `npm run bench:speech`: read-aloud speed on this machine. Composes real answers from the shipped knowledge base,
 * cuts them as the kiosk does (splitForSpeech) and measures, through the service the route calls:
 * - cold start: the first synthesis after the workers start (module compile included);
 * - time to first audio: the first piece of an answer, warm, cache missed (what a citizen waits after "Đọc to");
 * - throughput: seconds of audio made per second of wall time, and characters per second, with 1 and 2 workers;
 * - a cache hit. Prints JSON; bench/speech-results.md records a run.
 */
import path from 'node:path';
import { cpus } from 'node:os';
import { composeAnswer } from '../src/chat/compose/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { isCatalogueEntry } from '../src/knowledge/schema.js';
import { createEspeakSynthesizer, createSpeechService } from '../src/speech/index.js';
import { buildVocabularyFromEntries } from '../src/speech/knowledge-vocabulary.js';
import { splitForSpeech } from '../src/speech/split-for-speech.js';

const ANSWERS = 40;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;
const round = (n: number) => Number(n.toFixed(1));
const audioSeconds = (wav: Uint8Array) => (wav.length - 44) / new DataView(wav.buffer, wav.byteOffset).getUint32(28, true);

const knowledge = await loadKnowledge(path.resolve('knowledge'));
const vocabulary = buildVocabularyFromEntries(knowledge.entries);
const curated = knowledge.entries.filter((e) => !isCatalogueEntry(e));
const catalogue = knowledge.entries.filter(isCatalogueEntry);
const entries = [...curated.slice(0, ANSWERS / 2), ...catalogue.filter((_, i) => i % 97 === 0).slice(0, ANSWERS / 2)];
const answers = entries.map((entry, i) => composeAnswer({ entry, aspect: i % 2 ? 'documents' : 'general', language: 'vi' }).text);

async function run(workers: number) {
  const synthesizer = createEspeakSynthesizer({ workers });
  const speech = createSpeechService({ synthesizer, cacheBytes: 0, getVocabulary: () => vocabulary });
  let started = performance.now();
  await speech.speak('Xin chào.', 'north');
  const coldStartMs = performance.now() - started;

  const firstPiece: number[] = [];
  for (const answer of answers.slice(0, 20)) {
    const piece = splitForSpeech(answer)[0]!;
    started = performance.now();
    await speech.speak(piece, 'north');
    firstPiece.push(performance.now() - started);
  }

  const pieces = answers.flatMap((a) => splitForSpeech(a));
  let audio = 0;
  let chars = 0;
  started = performance.now();
  const queue = [...pieces];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        const wav = await speech.speak(piece, 'south');
        audio += audioSeconds(wav);
        chars += piece.length;
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  await synthesizer.close();
  return {
    workers,
    coldStartMs: round(coldStartMs),
    firstAudioMs: { p50: round(percentile(firstPiece, 0.5)), p95: round(percentile(firstPiece, 0.95)), max: round(Math.max(...firstPiece)) },
    throughput: { pieces: pieces.length, chars, audioSeconds: round(audio), wallSeconds: round(wallSeconds), audioSecondsPerSecond: round(audio / wallSeconds), charsPerSecond: Math.round(chars / wallSeconds) },
  };
}

async function cacheHit() {
  const synthesizer = createEspeakSynthesizer();
  const speech = createSpeechService({ synthesizer, getVocabulary: () => vocabulary });
  const text = splitForSpeech(answers[0]!)[0]!;
  await speech.speak(text, 'north');
  const started = performance.now();
  for (let i = 0; i < 100; i++) await speech.speak(text, 'north');
  await synthesizer.close();
  return { ms: round((performance.now() - started) / 100) };
}

console.log(JSON.stringify({ cpus: cpus().length, node: process.version, answers: answers.length, runs: [await run(1), await run(2)], cacheHit: await cacheHit() }, null, 2));
