/** Per-key timers that call `onExpire(key)` unless re-armed or cleared within `ms`. */
export interface Expiry<Key> {
  arm(key: Key): void;
  clear(key: Key): void;
  clearAll(): void;
}

export function createExpiry<Key>(ms: number, onExpire: (key: Key) => void): Expiry<Key> {
  const timers = new Map<Key, ReturnType<typeof setTimeout>>();
  const clear = (key: Key): void => {
    clearTimeout(timers.get(key));
    timers.delete(key);
  };
  return {
    arm(key) {
      clear(key);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          onExpire(key);
        }, ms),
      );
    },
    clear,
    clearAll() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
