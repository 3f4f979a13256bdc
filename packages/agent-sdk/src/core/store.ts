import type { ReadableStore } from '../types.js';

/** A store the owning client can write to; apps only ever see the `ReadableStore` half. */
export interface Store<State extends object> extends ReadableStore<State> {
  /**
   * Applies a partial update (or a function of the current snapshot returning one) and notifies
   * listeners. Keys whose values are `Object.is`-equal do not count as a change, so an update
   * that changes nothing notifies nobody.
   */
  setState(update: Partial<State> | ((state: State) => Partial<State>)): void;
}

/**
 * A small framework-agnostic state store in the shape React's `useSyncExternalStore`, Lit
 * controllers and Vue's `shallowRef` all consume: immutable snapshots and change notification.
 */
export function createStore<State extends object>(initial: State): Store<State> {
  let snapshot: State = Object.freeze({ ...initial });
  const listeners = new Set<(state: State) => void>();

  const notify = (state: State): void => {
    // Iterate over a copy so a listener that unsubscribes (or subscribes) does not disturb the loop.
    for (const listener of [...listeners]) {
      // A listener updated the state in turn: that update told every listener of the newer
      // snapshot, so the rest must not be handed this older one after it.
      if (snapshot !== state) return;
      try {
        listener(state);
      } catch (error) {
        // One broken listener must not starve the others or corrupt the writer's control flow;
        // rethrowing asynchronously still surfaces it in the console / test runner.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  return {
    getSnapshot: () => snapshot,

    subscribe(listener) {
      // Wrap so the same function can be subscribed twice and unsubscribed independently.
      const entry = (state: State): void => listener(state);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },

    select(selector, listener) {
      let current = selector(snapshot);
      const entry = (state: State): void => {
        const next = selector(state);
        if (Object.is(next, current)) return;
        current = next;
        listener(next);
      };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },

    setState(update) {
      const patch = typeof update === 'function' ? update(snapshot) : update;
      let changed = false;
      for (const key of Object.keys(patch) as (keyof State)[]) {
        if (!Object.is(patch[key], snapshot[key])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      snapshot = Object.freeze({ ...snapshot, ...patch });
      notify(snapshot);
    },
  };
}
