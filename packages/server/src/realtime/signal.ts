import type { z } from 'zod';
import { AppError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';

interface SignalOptions {
  logger: Logger;
  /** Charged once per signal, keyed by `key`; signals over the limit are dropped. */
  limiter: { limiter: RateLimiter; key: string };
}

/**
 * Wraps a fire-and-forget socket event (no ack, e.g. `typing`): anything over the rate limit,
 * invalid, or refused (someone else's conversation) is dropped silently, and nothing throws into
 * socket.io. Only unexpected errors are logged.
 */
export function signal<Schema extends z.ZodType>(
  schema: Schema,
  run: (payload: z.output<Schema>) => Promise<void>,
  { logger, limiter }: SignalOptions,
): (payload: unknown) => void {
  return (payload) => {
    if (!limiter.limiter.take(limiter.key)) return;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return;
    Promise.resolve()
      .then(() => run(parsed.data))
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) logger.error('unhandled error in socket signal', { error });
      });
  };
}
