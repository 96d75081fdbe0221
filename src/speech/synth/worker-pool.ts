import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { speechFailedError } from '../../shared/errors.js';
import { ESPEAK_VOICES, type Voice } from './voices.js';

/** Turns text into WAV bytes; the service depends on this, tests may inject a fake. */
export interface Synthesizer {
  synthesize(text: string, voice: Voice): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface EspeakSynthesizerOptions {
  /** Worker threads, each synthesising one text at a time (default 1: the kiosk asks for one answer at a time). */
  workers?: number;
  /** Speaking rate; eSpeak's default 175 is hurried for older citizens. */
  wordsPerMinute?: number;
  /** A synthesis still running after this is abandoned and its worker replaced. */
  timeoutMs?: number;
}

const ReplySchema = z.union([
  z.object({ id: z.number(), wav: z.instanceof(Uint8Array) }),
  z.object({ id: z.number(), error: z.string() }),
]);

interface Job {
  id: number;
  text: string;
  voice: Voice;
  resolve: (wav: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

// Under tsx (development, tests) the worker is the .ts source and needs tsx's loader, which a worker does not
// inherit; the build runs the compiled .js directly.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./espeak-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
const TSX_BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(require('node:worker_threads').workerData.url); })`;

function startWorker(): Worker {
  return fromSource ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { url: workerUrl.href } }) : new Worker(workerUrl);
}

/** eSpeak NG in worker threads, off the request path: a queue, one text per worker at a time, crashed workers replaced. */
export function createEspeakSynthesizer({ workers = 1, wordsPerMinute = 150, timeoutMs = 20_000 }: EspeakSynthesizerOptions = {}): Synthesizer {
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: startWorker(), job: undefined, timer: undefined };
    slot.worker.unref();
    slot.worker.on('message', (message: unknown) => {
      const reply = ReplySchema.safeParse(message);
      const job = slot.job;
      if (!job || !reply.success || reply.data.id !== job.id) return;
      finish(slot);
      if ('wav' in reply.data) job.resolve(reply.data.wav);
      else job.reject(speechFailedError(new Error(reply.data.error)));
      pump();
    });
    slot.worker.on('error', (error) => replace(slot, error));
    slot.worker.on('exit', (code) => {
      if (!closed && slots.includes(slot)) replace(slot, new Error(`speech worker exited with ${code}`));
    });
    return slot;
  };

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  };

  const replace = (slot: Slot, error: unknown) => {
    const job = slot.job;
    finish(slot);
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
    job?.reject(speechFailedError(error));
    if (!closed) slots.push(start());
    pump();
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => replace(slot, new Error('speech synthesis timed out')), timeoutMs);
      slot.worker.postMessage({ id: job.id, text: job.text, espeakVoice: ESPEAK_VOICES[job.voice], wordsPerMinute });
    }
  };

  const slots: Slot[] = Array.from({ length: Math.max(1, workers) }, start);

  return {
    synthesize(text, voice) {
      if (closed) return Promise.reject(speechFailedError(new Error('synthesizer closed')));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, text, voice, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(speechFailedError(new Error('synthesizer closed')));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
