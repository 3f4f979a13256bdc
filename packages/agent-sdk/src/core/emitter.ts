import type { Emitter } from '../types.js';

/** The owning client's half of an emitter: apps get `on`/`off`, the client also emits. */
export interface EventHub<Events extends object> extends Emitter<Events> {
  emit<Name extends keyof Events>(name: Name, payload: Events[Name]): void;
}

type Listener<Payload> = (payload: Payload) => void;

/** A typed event emitter: every event name maps to exactly one payload type. */
export function createEventHub<Events extends object>(): EventHub<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();

  const off = <Name extends keyof Events>(name: Name, listener: Listener<Events[Name]>): void => {
    listeners.get(name)?.delete(listener);
  };

  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      return () => off(name, listener);
    },

    off,

    emit(name, payload) {
      const set = listeners.get(name) as Set<Listener<typeof payload>> | undefined;
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(payload);
        } catch (error) {
          // An app's listener throwing must not break the SDK's own bookkeeping mid-update.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
