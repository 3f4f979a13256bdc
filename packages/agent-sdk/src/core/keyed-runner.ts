// Work that many triggers may ask for at once, keyed (a gap noticed by several messages, a list
// refreshed by several events). A module of its own, so that a bundle whose only use of it is
// lazily loaded (the visitor's catch-up) loads it with that use.

/**
 * Runs `task(key)` at most once at a time per key. Asking while it runs schedules exactly one
 * more run after it, because whatever prompted the ask may have arrived after the running task
 * read its data. Every caller's promise settles with the run that covers its request.
 */
export function createKeyedRunner<Key>(task: (key: Key) => Promise<void>): (key: Key) => Promise<void> {
  const running = new Map<Key, Promise<void>>();
  const queued = new Map<Key, Promise<void>>();

  const start = (key: Key): Promise<void> => {
    const run = task(key).finally(() => {
      running.delete(key);
    });
    running.set(key, run);
    return run;
  };

  return (key) => {
    const current = running.get(key);
    if (!current) return start(key);
    let next = queued.get(key);
    if (!next) {
      // Run after the current one whatever its outcome; its failure belongs to its own callers.
      next = current
        .catch(() => undefined)
        .then(() => {
          queued.delete(key);
          return start(key);
        });
      queued.set(key, next);
    }
    return next;
  };
}
