// Meta's webhook authenticity, shared by Messenger and WhatsApp Cloud API: the GET handshake that
// proves we own the URL, and X-Hub-Signature-256 on every delivery.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { safeEqual } from '../../lib/secrets.js';
import type { Verdict } from '../adapter.js';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256(appSecret, rawBody)>`, as Meta signs. */
export function hubSignature(appSecret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Whether `header` signs exactly these bytes; compared in constant time. */
export function verifyHubSignature(appSecret: string, rawBody: Uint8Array, header: string | null): Verdict {
  if (header === null) return { ok: false, status: 401, reason: 'X-Hub-Signature-256 is missing' };
  const hex = SIGNATURE.exec(header.trim())?.[1];
  // Both sides are 32 bytes (the pattern fixes the length), as timingSafeEqual requires.
  const matches =
    hex !== undefined &&
    timingSafeEqual(Buffer.from(hex, 'hex'), createHmac('sha256', appSecret).update(rawBody).digest());
  return matches
    ? { ok: true }
    : { ok: false, status: 401, reason: 'X-Hub-Signature-256 does not sign this body with the app secret' };
}

/** The subscription handshake: echo `hub.challenge` when the verify token is ours; null otherwise. */
export function hubHandshake(verifyToken: string, query: URLSearchParams) {
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || token === null || challenge === null) return null;
  return safeEqual(token, verifyToken) ? { status: 200, body: challenge } : null;
}
