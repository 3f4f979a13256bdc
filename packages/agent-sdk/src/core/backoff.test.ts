import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { minDelayMs: 500, maxDelayMs: 10_000 };

describe('backoffDelay', () => {
  it('doubles from the minimum, with the midpoint of the jitter at the exponential base', () => {
    const middle = (): number => 0.5;
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, middle))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
  });

  it('spreads each delay over [0.5, 1.5] × base with the default randomization factor', () => {
    expect(backoffDelay(2, options, () => 0)).toBe(1000);
    expect(backoffDelay(2, options, () => 0.999_999)).toBe(3000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(1, options);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1500);
    }
  });

  it('actually varies, so clients dropped together do not retry together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, options)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('never exceeds the maximum, even after a very long outage', () => {
    for (const attempt of [5, 10, 50, 1000]) {
      expect(backoffDelay(attempt, options, () => 0.999)).toBe(10_000);
    }
    expect(Number.isFinite(backoffDelay(10_000, options))).toBe(true);
  });

  it('honours a custom randomization factor', () => {
    const exact = { ...options, randomizationFactor: 0 };
    expect(backoffDelay(1, exact, () => 0)).toBe(1000);
    expect(backoffDelay(1, exact, () => 0.99)).toBe(1000);
  });
});
