// How the channel inbox and outbox space their retries.

/** Attempts in all before an event or a send is given up. */
export const MAX_ATTEMPTS = 8;

const BASE_MS = 1000;
const MAX_MS = 5 * 60_000;

/** 1 s doubling up to 5 min, ±20 % so failures that happened together do not retry together. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_MS * 2 ** (attempt - 1), MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
