import { SwitchboardError } from '../errors.js';

/**
 * What `load` resolves to, loaded once: concurrent callers share one load, and a failed load (the
 * network dropped mid-import) fails with `network` and is tried again by the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new SwitchboardError(
        'network',
        error instanceof Error ? error.message : 'The chat failed to load',
      );
    }));
}

/**
 * An async function whose implementation is imported on its first call. Code that most visitors
 * never run (the pre-chat form, the rating, the uploader) then stays out of the widget's first
 * download: bundlers put a dynamic import in a chunk of its own; in Node it is one more module.
 */
export function lazily<Args extends unknown[], Result>(
  load: () => Promise<(...args: Args) => Promise<Result>>,
): (...args: Args) => Promise<Result> {
  const loaded = loadOnce(load);
  return async (...args) => (await loaded())(...args);
}
