// Small concurrency helpers for work that many triggers may ask for at once (a gap noticed by
// several messages, a token refresh wanted by a socket handshake and an HTTP call together).

/** Wraps `fn` so concurrent callers share one run instead of starting their own. */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= fn().finally(() => {
      running = null;
    });
    return running;
  };
}

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

/** Maps with at most `limit` calls in flight, so a resync of 300 conversations is not 300 requests at once. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Delays that can all be cut short at once, so a disconnected client leaves no timer behind. */
export interface Delays {
  /** Resolves `true` after `ms`, or `false` as soon as `cancelAll()` runs. */
  wait(ms: number): Promise<boolean>;
  cancelAll(): void;
}

export function createDelays(): Delays {
  const pending = new Set<() => void>();
  return {
    wait(ms) {
      return new Promise((resolve) => {
        const cancel = (): void => {
          clearTimeout(timer);
          pending.delete(cancel);
          resolve(false);
        };
        const timer = setTimeout(() => {
          pending.delete(cancel);
          resolve(true);
        }, ms);
        pending.add(cancel);
      });
    },
    cancelAll() {
      for (const cancel of [...pending]) cancel();
    },
  };
}
