import type { ReconnectionOptions } from '../types.js';

/** Exponential backoff with jitter, matching the shape socket.io uses for its own reconnects. */
export interface BackoffOptions {
  /** The base delay of the first retry. */
  minDelayMs: number;
  /** No delay ever exceeds this. */
  maxDelayMs: number;
  /**
   * How far a delay may stray from its exponential base, as a fraction: 0.5 spreads it over
   * [0.5 × base, 1.5 × base] so clients that dropped together do not retry together.
   * @default 0.5
   */
  randomizationFactor?: number;
}

export const DEFAULT_MIN_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 10_000;

/** A client's `reconnection` option with its defaults filled in. */
export function reconnectionBackoff(
  reconnection: ReconnectionOptions = {},
): Required<Pick<BackoffOptions, 'minDelayMs' | 'maxDelayMs'>> {
  return {
    minDelayMs: reconnection.minDelayMs ?? DEFAULT_MIN_DELAY_MS,
    maxDelayMs: reconnection.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
  };
}

/**
 * The delay before retry number `attempt` (0 for the first retry).
 * @param random A source of numbers in [0, 1); injectable so tests are deterministic.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const { minDelayMs, maxDelayMs, randomizationFactor = 0.5 } = options;
  // Cap the exponent so a long outage cannot overflow into Infinity before the clamp.
  const base = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const spread = 1 - randomizationFactor + 2 * randomizationFactor * random();
  return Math.round(Math.min(maxDelayMs, Math.max(0, base * spread)));
}
