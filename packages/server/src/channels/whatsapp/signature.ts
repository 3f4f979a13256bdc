// Meta signs every webhook POST with the app secret: `X-Hub-Signature-256: sha256=<hex
// HMAC-SHA256(app secret, raw body)>`. Checked on the exact bytes received, before any parsing,
// because re-serialised JSON would not hash the same.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Verdict } from '../adapter.js';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** The header value Meta would send for these bytes. */
export function hubSignature(appSecret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyHubSignature(appSecret: string, rawBody: Uint8Array, header: string | null): Verdict {
  if (!header) return { ok: false, status: 401, reason: 'X-Hub-Signature-256 is missing' };
  const hex = HEADER.exec(header.trim())?.[1];
  if (hex === undefined)
    return { ok: false, status: 401, reason: 'X-Hub-Signature-256 is not sha256=<64 hex digits>' };
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both are 32 bytes (the pattern fixes the length), as timingSafeEqual requires.
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected)
    ? { ok: true }
    : { ok: false, status: 401, reason: 'X-Hub-Signature-256 does not match the body and the app secret' };
}
