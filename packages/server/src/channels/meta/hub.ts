// Meta's webhook authenticity, shared by WhatsApp Cloud API and Messenger: X-Hub-Signature-256 on
// every delivery, checked on the exact bytes received (re-serialised JSON would not hash the
// same), and the GET subscription handshake that proves we own the URL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { safeEqual } from '../../lib/secrets.js';
import type { Verdict } from '../adapter.js';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`: the header value Meta sends for these bytes. */
export function hubSignature(appSecret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Whether `header` signs exactly these bytes with the app secret; compared in constant time. */
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

/**
 * The subscription handshake (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`): the
 * challenge back when the verify token is ours; null for anything else.
 */
export function hubHandshake(verifyToken: string, query: URLSearchParams) {
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || token === null || challenge === null) return null;
  return safeEqual(token, verifyToken) ? { status: 200, body: challenge } : null;
}
