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
