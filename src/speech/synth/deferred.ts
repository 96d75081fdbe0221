import type { Synthesizer } from './worker-pool.js';

/** A synthesizer whose workers are created by `start()` or by the first synthesis, whichever comes first. */
export interface DeferredSynthesizer extends Synthesizer {
  start(): void;
}

/**
 * Defers creating a synthesizer (its workers: a V8 isolate and eSpeak's WebAssembly each, ~50 MB) until the service
 * has finished starting, so that their memory does not add to the start's own peak (docs/operations.md, "Memory").
 * A read-aloud request that comes earlier starts them itself and waits, as the first synthesis always did.
 */
export function deferSynthesizer(create: () => Synthesizer): DeferredSynthesizer {
  let synthesizer: Synthesizer | undefined;
  const get = () => (synthesizer ??= create());
  return {
    start: () => void get(),
    synthesize: (text, voice) => get().synthesize(text, voice),
    close: async () => synthesizer?.close(),
  };
}
