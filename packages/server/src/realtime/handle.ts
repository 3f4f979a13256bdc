import type { Ack } from '@switchboard/protocol';
import type { z } from 'zod';
import { AppError, toProtocolError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import type { RateLimiter } from '../lib/rate-limit.js';

interface HandleOptions {
  logger: Logger;
  /** Charged once per request, keyed by `key`. */
  limiter?: { limiter: RateLimiter; key: string };
}

/**
 * Wraps a socket request handler so that whatever the client sends, it gets exactly one ack:
 * the payload is validated first, failures become `{ ok: false, error }`, and nothing throws
 * into socket.io (which would otherwise drop the ack and leave the client waiting).
 */
export function handle<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (payload: z.output<Schema>) => Promise<Result>,
  { logger, limiter }: HandleOptions,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    // A client that emits without a callback passes it as the payload, or not at all.
    const reply = typeof ack === 'function' ? ack : typeof payload === 'function' ? payload : null;
    if (!reply) return;
    const respond = (result: Ack<Result>) => (reply as (ack: Ack<Result>) => void)(result);
    if (typeof ack !== 'function') {
      respond({ ok: false, error: { code: 'invalid_payload', message: 'Missing payload' } });
      return;
    }
    if (limiter && !limiter.limiter.take(limiter.key)) {
      respond({ ok: false, error: { code: 'rate_limited', message: 'Too many requests; slow down' } });
      return;
    }
    const fail = (error: unknown) => {
      if (!(error instanceof AppError)) logger.error('unhandled error in socket handler', { error });
      respond({ ok: false, error: toProtocolError(error) });
    };
    // Promise.resolve().then() turns a synchronous throw (in parsing or the handler) into a
    // rejection, so even a bug still answers with an `internal` ack.
    Promise.resolve()
      .then(() => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) throw AppError.invalid(parsed.error);
        return run(parsed.data);
      })
      .then((data) => respond({ ok: true, data }), fail);
  };
}
