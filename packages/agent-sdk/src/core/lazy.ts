import { SwitchboardError } from '../errors.js';

/**
 * An async function whose implementation is imported on its first call. Code that most visitors
 * never run (the pre-chat form, the rating, the uploader) then stays out of the widget's first
 * download: bundlers put a dynamic import in a chunk of its own; in Node it is one more module.
 * A failed import (the network dropped) is retried by the next call.
 */
export function lazily<Args extends unknown[], Result>(
  load: () => Promise<(...args: Args) => Promise<Result>>,
): (...args: Args) => Promise<Result> {
  let loading: Promise<(...args: Args) => Promise<Result>> | null = null;
  return async (...args) => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new SwitchboardError(
        'network',
        error instanceof Error ? error.message : 'A module failed to load',
      );
    });
    return (await loading)(...args);
  };
}
