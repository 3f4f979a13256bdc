import { toSwitchboardError } from '../core/error-utils.js';

export interface RetryOptions {
  /** Attempts in all, the first included; at least 1. */
  maxAttempts: number;
  /**
   * Waits before retry number `retry` (0 for the first). Resolves `false` to stop, e.g. because
   * the client was disconnected; the last error is then the result.
   */
  pause: (retry: number) => Promise<boolean>;
}

/**
 * Runs `attempt` until it succeeds, fails for a reason retrying will not fix, or runs out of
 * attempts. Only for requests that are idempotent on the server, since a lost ack means the first
 * attempt may have been applied.
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (caught) {
      const error = toSwitchboardError(caught);
      if (!error.retryable || tries >= options.maxAttempts) throw error;
      if (!(await options.pause(tries - 1))) throw error;
    }
  }
}
