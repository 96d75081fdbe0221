// The espeak-ng package ships an Emscripten module without types; only what espeak-worker.ts uses is declared.
declare module 'espeak-ng' {
  interface ESpeakModule {
    FS: {
      writeFile(path: string, data: string | Uint8Array): void;
      readFile(path: string): Uint8Array;
    };
  }
  interface ESpeakOptions {
    arguments?: string[];
    print?: (text: string) => void;
    printErr?: (text: string) => void;
    preRun?: Array<(module: ESpeakModule) => void>;
    instantiateWasm?: (imports: object, done: (instance: object) => void) => object;
  }
  export default function ESpeakNg(options?: ESpeakOptions): Promise<ESpeakModule>;
}
