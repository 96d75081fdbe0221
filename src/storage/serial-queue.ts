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
