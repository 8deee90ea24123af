/**
 * Runs tasks one at a time, in arrival order. SQLite has a single connection per driver, so an open
 * transaction must not see statements from unrelated callers slip in between its awaits.
 */
export class SerialLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one to settle, whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
