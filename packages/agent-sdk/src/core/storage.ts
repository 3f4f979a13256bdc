// Storage is a convenience, never a requirement: Safari's private mode, a full quota or a
// sandboxed iframe make `localStorage` throw, and the SDK must keep working from memory then.
import type { KeyValueStorage } from '../types.js';

/** The parsed JSON under `key`, or `undefined` when it is absent, unreadable or not JSON. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

/** Writes `value` as JSON; returns whether the write succeeded. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the value will be ignored or overwritten next time.
  }
}
