// Signs and verifies `X-Switchboard-Signature`. Shared by every signed webhook we send (webhook
// bots, offline-form notifications), so it knows nothing about bots.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export interface VerifyOptions {
  /**
   * The current time, in milliseconds since the epoch.
   * @default Date.now()
   */
  now?: number;
  /**
   * How far the timestamp may be from `now`, either way, in seconds. Bounds how long a captured
   * request can be replayed.
   * @default 300
   */
  toleranceSeconds?: number;
}

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`; `timestamp` is unix seconds. */
export function signPayload(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  return `sha256=${hmac(secret, timestamp, rawBody).toString('hex')}`;
}

/** Whether `header` signs exactly these bytes at this timestamp, and the timestamp is recent. */
export function verifySignature(
  secret: string,
  timestamp: string,
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  options: VerifyOptions = {},
): boolean {
  const { now = Date.now(), toleranceSeconds = 300 } = options;
  const hex = SIGNATURE_HEADER.exec(header?.trim() ?? '')?.[1];
  if (hex === undefined || !UNIX_SECONDS.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  // Both sides are 32 bytes (the pattern fixes the length), as timingSafeEqual requires.
  return timingSafeEqual(Buffer.from(hex, 'hex'), hmac(secret, timestamp, rawBody));
}

function hmac(secret: string, timestamp: string, rawBody: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}
