import type { ReadableStore } from '@switchboard/agent-sdk';

/**
 * `store.select`, plus one immediate call with the current slice: views render what is there
 * now and then follow changes. Returns the unsubscribe function.
 */
export function watch<State, Slice>(
  store: ReadableStore<State>,
  selector: (state: State) => Slice,
  listener: (slice: Slice) => void,
): () => void {
  listener(selector(store.getSnapshot()));
  return store.select(selector, listener);
}

/** Collects unsubscribe functions so a view can drop everything it registered at once. */
export class Disposer {
  private readonly disposers: (() => void)[] = [];

  add(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0).reverse()) dispose();
  }
}
