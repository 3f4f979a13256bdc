// Mailgun's webhook signature ("Securing Webhooks"): `signature` is the hex HMAC-SHA256 of
// `timestamp + token` under the account's webhook signing key, posted beside the message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Verdict } from '../adapter.js';
import type { ReplayGuard } from './replay-guard.js';

/** How far a timestamp may be from now, either way: bounds how long a capture is usable. */
export const MAILGUN_TOLERANCE_SECONDS = 300;

export interface MailgunSignature {
  timestamp: string | undefined;
  token: string | undefined;
  signature: string | undefined;
}

const refuse = (reason: string): Verdict => ({ ok: false, status: 401, reason });

/**
 * Checks the signature in constant time, then the timestamp, then that the token is new.
 * `scope` names the signing key, whose tokens the guard keeps apart from other keys'.
 */
export function verifyMailgun(
  signingKey: string,
  fields: MailgunSignature,
  replays: ReplayGuard,
  scope: string,
  now: number,
): Verdict {
  const { timestamp = '', token = '', signature = '' } = fields;
  if (!signature || !token || !timestamp) return refuse('timestamp, token and signature are required');
  if (!/^[0-9a-f]{64}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp) || token.length > 256)
    return refuse('The Mailgun signature is malformed');
  const expected = createHmac('sha256', signingKey).update(timestamp).update(token).digest();
  if (!timingSafeEqual(Buffer.from(signature, 'hex'), expected))
    return refuse('The Mailgun signature does not match');
  const signedAt = Number(timestamp) * 1000;
  if (Math.abs(now - signedAt) > MAILGUN_TOLERANCE_SECONDS * 1000)
    return refuse('The Mailgun timestamp is stale or in the future');
  // Only authentic tokens are remembered, so forged requests cannot fill the guard.
  const claim = replays.claim(`${scope}\u0000${token}`, signedAt + MAILGUN_TOLERANCE_SECONDS * 1000, now);
  if (claim === 'replay') return refuse('The Mailgun token was already used');
  if (claim === 'full') return refuse('Too many deliveries at once; retry later');
  return { ok: true };
}
