// When a failed delivery is worth another attempt, and how long to wait before it.

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8000;
const JITTER = 0.2;
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The wait after failed attempt number `attempt` (1-based): 250 ms doubling up to 8 s, ±20 % so
 * deliveries that failed together do not retry together.
 */
export function defaultBackoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** Timeouts, rate limits and server errors may pass; any other 4xx will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait a 429 or 503 asks for in `Retry-After` (seconds or an HTTP date), capped so one
 * receiver cannot park a delivery for minutes; undefined when there is none to honour.
 */
export function retryAfterMs(status: number, header: string | null, nowMs: number): number | undefined {
  if ((status !== 429 && status !== 503) || header === null) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - nowMs;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
