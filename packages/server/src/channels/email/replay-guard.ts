// Mailgun signs only `timestamp + token`, not the message: whoever captures one signed delivery
// could post any mail with that signature while the timestamp is fresh. So each token is accepted
// once. Remembering tokens in memory is enough because a timestamp outside the window is refused
// anyway: a token only needs remembering until its timestamp leaves the window. (With several
// server instances each remembers its own; see docs/channels/email.md.)

export interface ReplayGuard {
  /** Remembers `key` until `expiresAt` (epoch ms): `claimed` the first time, `replay` after. */
  claim(key: string, expiresAt: number, now: number): 'claimed' | 'replay' | 'full';
}

/**
 * @param capacity How many live tokens to remember. When full, new deliveries are refused (401)
 * rather than forgetting a live token: Mailgun retries refused deliveries later.
 */
export function createReplayGuard(capacity = 50_000): ReplayGuard {
  const seen = new Map<string, number>();
  let sweptAt = 0;

  function sweep(now: number) {
    for (const [key, expiresAt] of seen) if (expiresAt <= now) seen.delete(key);
    sweptAt = now;
  }

  return {
    claim(key, expiresAt, now) {
      if (seen.size >= capacity || now - sweptAt > 60_000) sweep(now);
      const known = seen.get(key);
      if (known !== undefined && known > now) return 'replay';
      if (seen.size >= capacity) return 'full';
      seen.set(key, expiresAt);
      return 'claimed';
    },
  };
}
