import type { AdapterContext } from './adapter.js';

/** Every provider call gets a deadline, so a hung provider holds up one retry, not the worker. */
export function createAdapterContext(timeoutMs: number, now: () => number): AdapterContext {
  return {
    fetch: (url, init = {}) =>
      fetch(url, {
        ...init,
        signal: init.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      }),
    now,
  };
}
