import { describe, expect, it } from 'vitest';
import { defaultBackoff, isRetryableStatus, retryAfterMs } from './retry-policy.js';

describe('defaultBackoff', () => {
  it('doubles from 250 ms up to 8 s, within ±20 %', () => {
    const low = [1, 2, 3, 6, 7, 10].map((attempt) => defaultBackoff(attempt, () => 0));
    const high = [1, 2, 3, 6, 7, 10].map((attempt) => defaultBackoff(attempt, () => 1));
    expect(low).toEqual([200, 400, 800, 6400, 6400, 6400]);
    expect(high).toEqual([300, 600, 1200, 9600, 9600, 9600]);
    expect(defaultBackoff(2, () => 0.5)).toBe(500);
  });
});

describe('isRetryableStatus', () => {
  it('retries timeouts, rate limits and server errors only', () => {
    expect([408, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 409, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds or an HTTP date on 429 and 503, capped at 30 s', () => {
    expect(retryAfterMs(429, '7', now)).toBe(7000);
    expect(retryAfterMs(503, '120', now)).toBe(30_000);
    expect(retryAfterMs(503, 'Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(429, 'Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores it on other statuses, or when unreadable', () => {
    expect(retryAfterMs(500, '7', now)).toBeUndefined();
    expect(retryAfterMs(429, null, now)).toBeUndefined();
    expect(retryAfterMs(429, 'later', now)).toBeUndefined();
  });
});
