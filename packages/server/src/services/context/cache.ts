/**
 * Answers kept for a short while per key, and one lookup in flight per key: agents opening the
 * same conversation at once, or reopening it, ask the provider once. Failures are not kept.
 */
export interface LookupCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
}

export function createLookupCache<V>({
  ttlMs,
  maxEntries,
  now,
}: {
  ttlMs: number;
  /** The oldest entry goes when a new one would exceed this. */
  maxEntries: number;
  now: () => number;
}): LookupCache<V> {
  const entries = new Map<string, { value: Promise<V>; expiresAt: number; settled: boolean }>();
  return {
    get(key, load) {
      const held = entries.get(key);
      if (held && (!held.settled || held.expiresAt > now())) return held.value;
      entries.delete(key);
      const entry = { value: load(), expiresAt: Infinity, settled: false };
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      entry.value.then(
        () => {
          entry.settled = true;
          entry.expiresAt = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.value;
    },
  };
}
