// A list fetched over REST may answer after a live event changed one of its entries; the clock
// tells which entries changed while the fetch was in flight, so the list never undoes them.

/** Counts live changes so a list can tell which entries changed while it was being fetched. */
export interface ChangeClock {
  /** A live event changed this entry. */
  touch(id: string): void;
  /** The count so far: take it before a fetch starts. */
  now(): number;
  /** Whether an entry changed after `since`. */
  changedSince(since: number): (id: string) => boolean;
}

export function changeClock(): ChangeClock {
  let ticks = 0;
  const touched = new Map<string, number>();
  return {
    touch: (id) => void touched.set(id, ++ticks),
    now: () => ticks,
    changedSince: (since) => (id) => (touched.get(id) ?? 0) > since,
  };
}
