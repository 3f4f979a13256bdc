// Small concurrency helpers for work that many triggers may ask for at once (a token refresh
// wanted by a socket handshake and an HTTP call together); keyed work is keyed-runner.ts.

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
