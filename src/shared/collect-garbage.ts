import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Runs one full garbage collection now. A start allocates far more than it keeps (parsed caches, analysed
 * documents, index building: ~200 MB of heap at ready for ~112 MB alive), and V8 returns that memory to the system
 * only after a full collection, which an idle kiosk reaches after minutes. Called once when the start's work is done,
 * so the service settles at what it really holds (docs/operations.md, "Memory"). Blocks for tens of milliseconds.
 */
export function collectGarbage(): void {
  if (!collect) {
    // `gc` exists only with --expose-gc; the flag may be set at run time and is read by a new context's globals.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
