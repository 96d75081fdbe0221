import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import ESpeakNg from 'espeak-ng';
import { z } from 'zod';

// One eSpeak NG (WebAssembly) synthesis per message, in a worker thread so the ~0.1 s of synthesis never blocks the
// event loop that serves chats. The package is a command-line program compiled to WebAssembly: each call runs its
// main() once on a fresh instance of the module compiled here once (instantiating is ~10 ms; see docs/speech.md).

const RequestSchema = z.object({ id: z.number(), text: z.string(), espeakVoice: z.string(), wordsPerMinute: z.number() });

// Node has WebAssembly, but this project's TypeScript libs (no DOM) only declare its types, not the value.
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}

const wasmPath = createRequire(import.meta.url).resolve('espeak-ng').replace(/espeak-ng\.js$/, 'espeak-ng.wasm');
const compiled = Wasm.compile(await readFile(wasmPath));

async function synthesize(text: string, espeakVoice: string, wordsPerMinute: number): Promise<Uint8Array> {
  const wasm = await compiled;
  const errors: string[] = [];
  const module = await ESpeakNg({
    // The text goes through a file, never the command line, so text starting with "-" is never read as an option.
    arguments: ['-v', espeakVoice, '-s', String(wordsPerMinute), '-w', '/out.wav', '-f', '/in.txt'],
    preRun: [(m) => m.FS.writeFile('/in.txt', text)],
    print: () => {},
    printErr: (line) => errors.push(line),
    instantiateWasm: (imports, done) => {
      void Wasm.instantiate(wasm, imports).then(done);
      return {};
    },
  });
  const wav = module.FS.readFile('/out.wav');
  if (wav.length <= 44) throw new Error(`eSpeak NG produced no audio${errors.length ? `: ${errors.join(' ').slice(0, 200)}` : ''}`);
  return wav;
}

parentPort?.on('message', (message: unknown) => {
  const request = RequestSchema.parse(message);
  synthesize(request.text, request.espeakVoice, request.wordsPerMinute).then(
    (wav) => parentPort?.postMessage({ id: request.id, wav }, [wav.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
