import type { ReactiveControllerHost } from 'lit';

const inFlight = new WeakMap<ReactiveControllerHost, Set<Promise<unknown>>>();

/** Settles once the parts `host` is loading now have arrived (or failed): for tests. */
export async function partsLoaded(host: ReactiveControllerHost): Promise<void> {
  await Promise.allSettled([...(inFlight.get(host) ?? [])]);
}

/**
 * A part of the chat that many visitors never see (the pre-chat form, the rating, the file tray),
 * built as a chunk of its own and imported the first time it is needed; the host renders again
 * once it has arrived. This is what keeps the first download of an open chat small.
 */
export class Lazy<T> {
  /** The part, once loaded. */
  value: T | null = null;
  private loading: Promise<T> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The part if it has loaded, else null; starts loading it when it is `needed` now. */
  get(needed: boolean): T | null {
    // A failure is retried at the next render that needs the part (the connection banner says why).
    if (needed) this.ready().catch(() => undefined);
    return this.value;
  }

  /** Resolves with the part, loading it first if it has not been. */
  ready(): Promise<T> {
    if (this.loading) return this.loading;
    const loading = this.load().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    this.loading = loading;
    const loads = inFlight.get(this.host) ?? new Set();
    inFlight.set(this.host, loads.add(loading));
    void loading.catch(() => undefined).then(() => loads.delete(loading));
    return loading;
  }
}
