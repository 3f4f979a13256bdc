// POSTs one signed JSON delivery, retrying what may pass on a second try. Each attempt is
// signed afresh so a delayed retry is not refused as stale; the delivery id and the bytes stay
// the same so receivers can drop duplicates.
import { STATUS_CODES } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { BotFailure } from '../types.js';
import { readCapped } from '../../lib/read-capped.js';
import { redactUrl } from '../../lib/redact-url.js';
import { defaultBackoff, isRetryableStatus, retryAfterMs } from './retry-policy.js';
import { signPayload } from './signature.js';

/** Response bodies beyond this are cut off. */
export const MAX_RESPONSE_BYTES = 256 * 1024;

export interface SignedDelivery {
  url: string;
  /** The HMAC key for `x-switchboard-signature`. */
  secret: string;
  /** Sent as `x-switchboard-delivery` on every attempt, for the receiver's deduplication. */
  deliveryId: string;
  /** Sent as `x-switchboard-event`, e.g. `message.created`. */
  event: string;
  /** Serialised to JSON once. */
  body: unknown;
  /** Per attempt, including reading the response. */
  timeoutMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Stops the attempt in flight and any further ones; the promise rejects with its reason. */
  signal?: AbortSignal;
  /**
   * Milliseconds to wait after failed attempt number `attempt` (1-based), unless a 429 or 503
   * says `Retry-After`.
   * @default min(250 * 2^(attempt-1), 8000) ms ± 20 %
   */
  backoff?: (attempt: number) => number;
  /**
   * Waits between attempts; should reject when `signal` aborts.
   * @default setTimeout from node:timers/promises
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The clock for `x-switchboard-timestamp`, in milliseconds since the epoch.
   * @default Date.now
   */
  now?: () => number;
}

export interface DeliveryResult {
  /** A 2xx status. */
  status: number;
  /** At most {@link MAX_RESPONSE_BYTES} of the response body, decoded as UTF-8. */
  body: string;
  /** The body was longer than {@link MAX_RESPONSE_BYTES} and was cut off. */
  truncated: boolean;
  attempts: number;
}

type Attempt =
  | { kind: 'delivered'; status: number; body: string; truncated: boolean }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; reason: string };

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : {});

/**
 * Delivers `body` to `url` with up to `maxAttempts` attempts. Throws {@link BotFailure} when no
 * attempt got a 2xx or the receiver refused it with a status not worth retrying.
 */
export async function deliverSigned(request: SignedDelivery): Promise<DeliveryResult> {
  const { signal, backoff = defaultBackoff, sleep = defaultSleep, now = Date.now } = request;
  const rawBody = serialise(request.body);
  const target = `POST ${redactUrl(request.url)}`;
  if (hasCredentials(request.url))
    throw new BotFailure(`${target}: credentials in the URL are not supported`);
  const maxAttempts = Math.max(1, Math.floor(request.maxAttempts));
  let lastFailure = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    signal?.throwIfAborted();
    const result = await attemptOnce(request, rawBody, attempt, now);
    if (result.kind === 'delivered') {
      return { status: result.status, body: result.body, truncated: result.truncated, attempts: attempt };
    }
    if (result.kind === 'rejected') throw new BotFailure(`${target} answered ${result.reason} (not retried)`);
    lastFailure = result.reason;
    if (attempt < maxAttempts) await sleep(result.retryAfterMs ?? backoff(attempt), signal);
  }
  signal?.throwIfAborted();
  const attempts = maxAttempts === 1 ? '1 attempt' : `${maxAttempts} attempts`;
  throw new BotFailure(`${target} failed after ${attempts}: ${lastFailure}`);
}

async function attemptOnce(
  request: SignedDelivery,
  rawBody: string,
  attempt: number,
  now: () => number,
): Promise<Attempt> {
  const timestamp = String(Math.floor(now() / 1000));
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Webhook/1',
        'x-switchboard-event': request.event,
        'x-switchboard-delivery': request.deliveryId,
        'x-switchboard-timestamp': timestamp,
        'x-switchboard-signature': signPayload(request.secret, timestamp, rawBody),
        'x-switchboard-attempt': String(attempt),
      },
      body: rawBody,
      // A redirect would re-send (or, for 301/302, drop) the signed body somewhere unconfigured.
      redirect: 'manual',
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    });
    if (response.status >= 200 && response.status <= 299) {
      const { text, truncated } = await readCapped(response, MAX_RESPONSE_BYTES);
      return { kind: 'delivered', status: response.status, body: text, truncated };
    }
    // Free the connection for the next attempt; the body of a failure is not used.
    await response.body?.cancel().catch(() => undefined);
    const reason = `${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trim();
    if (!isRetryableStatus(response.status)) return { kind: 'rejected', reason };
    const wait = retryAfterMs(response.status, response.headers.get('retry-after'), now());
    return wait === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs: wait };
  } catch (error) {
    request.signal?.throwIfAborted();
    if (timeout.aborted) return { kind: 'retry', reason: `timed out after ${request.timeoutMs} ms` };
    return { kind: 'retry', reason: describeNetworkError(error) };
  }
}

/** fetch refuses such URLs, with a message that repeats the credentials. */
function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

function serialise(body: unknown): string {
  const raw = JSON.stringify(body) as string | undefined;
  if (raw === undefined) throw new TypeError('A webhook body must serialise to JSON');
  return raw;
}

/** fetch reports every network failure as "fetch failed"; the cause says which one. */
function describeNetworkError(error: unknown): string {
  let cause: unknown = error instanceof Error && error.cause !== undefined ? error.cause : error;
  // Trying several addresses of one host fails with one error per address.
  if (cause instanceof AggregateError && cause.errors[0] !== undefined) cause = cause.errors[0];
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return cause.message || (typeof code === 'string' ? code : cause.name);
}
