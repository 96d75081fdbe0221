/** Turns an async interface `T` into the synchronous shape the better-sqlite3 repositories implement. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

/** Runs a synchronous database step at the right moment and hands back its result as a Promise. */
export type Runner = <R>(fn: () => R) => Promise<R>;

/** Exposes a synchronous repository through a runner, method by method, as the async interface `T`. */
export function wrapRepo<T extends object>(sync: Sync<T>, run: Runner): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(sync) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]) => run(() => method(...args));
  }
  return wrapped as T;
}

/**
 * A FIFO of tasks that never overlap. One connection is one transaction scope in SQLite, so an open async
 * transaction must hold everyone else off until it commits — otherwise their writes would join (and roll
 * back with) it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every task queued before it; a failing task does not stop the ones behind it. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
