import type { KeyValueStorage } from '@switchboard/agent-sdk';

function localStorageOfWindow(): Storage | null {
  return typeof window === 'undefined' ? null : window.localStorage;
}

/**
 * Adapts Web Storage (`window.localStorage` by default) for the SDK, which keeps the visitor's
 * resume credential, conversation id and outbox there so a reload continues the conversation.
 *
 * Storage may be missing or throw: reading `window.localStorage` throws in sandboxed iframes and
 * when the browser blocks site data, and writes throw when the quota is full. A chat must still
 * work for the rest of the page view, so failed writes are kept in memory instead of surfacing.
 * Nothing is written here on its own; the SDK writes only once the visitor first sends.
 */
export function createWebStorage(getStorage: () => Storage | null = localStorageOfWindow): KeyValueStorage {
  // Values whose last write did not reach the backing storage; they shadow it until one does.
  const unsaved = new Map<string, string>();
  let resolved: Storage | null | undefined;

  const storage = (): Storage | null => {
    if (resolved === undefined) {
      try {
        resolved = getStorage();
      } catch {
        resolved = null;
      }
    }
    return resolved;
  };

  return {
    getItem(key) {
      const value = unsaved.get(key);
      if (value !== undefined) return value;
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        const target = storage();
        if (!target) throw new Error('no storage');
        target.setItem(key, value);
        unsaved.delete(key);
      } catch {
        unsaved.set(key, value);
      }
    },
    removeItem(key) {
      unsaved.delete(key);
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing was persisted that we could remove; the memory copy is gone, which is enough.
      }
    },
  };
}
