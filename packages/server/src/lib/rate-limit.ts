/** A token bucket per key: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimiter {
  /** Takes one token for the key; false when the key is over its limit. */
  take(key: string): boolean;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export function createRateLimiter(
  { perSecond, burst }: RateLimit,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        return false;
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      // Full buckets carry no information; dropping them keeps memory bounded by active keys.
      if (buckets.size > 10_000) for (const [k, b] of buckets) if (b.tokens >= burst - 1) buckets.delete(k);
      return true;
    },
  };
}
