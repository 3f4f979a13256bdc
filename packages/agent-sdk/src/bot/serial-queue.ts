/**
 * Runs tasks one after another per key, and tasks of different keys side by side. The bot client
 * keys by conversation, so a visitor's second message is answered after the first and the
 * replies reach the visitor in the order the questions were asked.
 */
export interface SerialQueue<Key> {
  /** Runs `task` once every task queued before it under `key` has settled. Settles like `task`. */
  run<T>(key: Key, task: () => Promise<T>): Promise<T>;
  /** How many keys have a task queued or running. */
  readonly size: number;
}

export function createSerialQueue<Key>(): SerialQueue<Key> {
  const tails = new Map<Key, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      // Whatever the previous task did, its failure is its caller's, not this task's.
      const result = previous.catch(() => undefined).then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}
